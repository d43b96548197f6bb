package gov.keyproject.platform.consumer;

import gov.keyproject.contracts.EventEnvelope;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The idempotent-consumer mechanism: an upsert keyed by business id that applies an event only when its sequence is
 * newer than the last one applied to that document. Redeliveries and stale events match nothing, so they change
 * nothing; the check and the change are one atomic single-document write (no separate "processed" record to lose).
 */
public class IdempotentWriter {

    public static final String LAST_SEQUENCE = "lastSequence";

    private final MongoTemplate mongo;

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
        Query query = new Query(Criteria.where("_id").is(id).and(LAST_SEQUENCE).lt(event.sequence()));
        update.set(LAST_SEQUENCE, event.sequence());
        try {
            mongo.upsert(query, update, collection);
            return true;
        } catch (DuplicateKeyException e) {
            // The document exists with a sequence at or beyond this one: already applied.
            return false;
        }
    }
}
