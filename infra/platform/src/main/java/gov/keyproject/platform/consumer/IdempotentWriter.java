package gov.keyproject.platform.consumer;

import gov.keyproject.contracts.EventEnvelope;
import gov.keyproject.platform.outbox.AggregateStore;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The idempotent-consumer mechanism: an upsert keyed by business id that applies an event only when its sequence is
 * newer than the last one applied to that document. Redeliveries and stale events change nothing; the check and the
 * change are one atomic single-document write (a compare-and-set on the last sequence, no separate "processed" record
 * to lose).
 */
public class IdempotentWriter {

    public static final String LAST_SEQUENCE = "lastSequence";

    private final MongoTemplate mongo;
    private final java.util.Set<String> indexed = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public IdempotentWriter(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Applies {@code update} to document {@code id} of {@code collection} if {@code event} is newer than what the
     * document has seen from its aggregate. The document must be fed by exactly one aggregate's events.
     *
     * @return true when applied, false when the event was a duplicate or stale
     */
    public boolean applyInOrder(String collection, Object id, EventEnvelope event, Update update) {
        if (indexed.add(collection)) {
            AggregateStore.ensureCompoundIndex(mongo, collection, LAST_SEQUENCE);
        }
        update.set(LAST_SEQUENCE, event.sequence());
        while (true) {
            Query byId = new Query(Criteria.where("_id").is(id));
            byId.fields().include(LAST_SEQUENCE);
            Document current = mongo.findOne(byId, Document.class, collection);
            Number seen = current == null ? null : current.get(LAST_SEQUENCE, Number.class);
            if (seen != null && seen.longValue() >= event.sequence()) {
                return false; // a redelivery or a stale event: already applied
            }
            // Compare-and-set on the sequence just read (an equality the (_id, lastSequence) index serves).
            Query cas = new Query(Criteria.where("_id").is(id).and(LAST_SEQUENCE).is(seen));
            try {
                if (current == null) {
                    mongo.upsert(cas, update, collection);
                    return true;
                }
                if (mongo.updateFirst(cas, update, collection).getMatchedCount() == 1) {
                    return true;
                }
            } catch (DuplicateKeyException e) {
                // inserted concurrently: read again
            }
        }
    }
}
