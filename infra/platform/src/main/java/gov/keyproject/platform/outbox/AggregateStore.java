package gov.keyproject.platform.outbox;

import gov.keyproject.contracts.DomainEvent;
import gov.keyproject.contracts.EventCodec;
import gov.keyproject.contracts.EventEnvelope;
import org.bson.Document;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;

/**
 * Writes an aggregate's state together with the events the change causes, in ONE single-document write
 * (the transactional outbox without multi-document transactions): the events ride in the document's
 * {@code outbox} array until {@link OutboxRelay} has published them. A crash between the write and the publish
 * loses nothing; the relay's sweep finds the events later.
 *
 * <p>Each aggregate document carries {@code version} (optimistic locking) and {@code eventSeq} (the sequence of its
 * last event; consumers use it to ignore redeliveries). An update never rewrites the outbox array, it only pushes to
 * it, so the relay can remove published events without racing the application.
 */
public class AggregateStore {

    public static final String VERSION = "version";
    public static final String EVENT_SEQ = "eventSeq";
    /** Markers of the last changes, so a bulk write can tell which of its changes were applied. */
    public static final String RECENT_CHANGES = "recentChanges";
    private static final int RECENT_CHANGES_KEPT = 16;

    private final MongoTemplate mongo;
    private final OutboxRelay relay;
    private final Clock clock;
    private final String source;

    private final java.util.Set<String> indexed = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public AggregateStore(MongoTemplate mongo, OutboxRelay relay, Clock clock, String source) {
        this.mongo = mongo;
        this.relay = relay;
        this.clock = clock;
        this.source = source;
    }

    /**
     * Inserts a new aggregate with its first events.
     *
     * @throws org.springframework.dao.DuplicateKeyException when the id exists
     */
    public void insert(String collection, Document state, List<? extends DomainEvent> events) {
        Object id = requireId(state);
        List<PendingEvent> pending = pending(events, 0);
        Document doc = new Document(state);
        doc.put(VERSION, 1L);
        doc.put(EVENT_SEQ, (long) pending.size());
        doc.put(PendingEvent.FIELD, pending.stream().map(PendingEvent::toDocument).toList());
        mongo.insert(doc, collection); // translated: a taken id raises DuplicateKeyException
        relay.submit(collection, id, pending);
    }

    /**
     * Applies {@code changes} (fields to set, trail entries to push…) to an aggregate loaded at
     * {@code expectedVersion} and appends its new events, in one conditional single-document update. The update
     * returns the document's whole outbox, and all of it goes to the relay, oldest first: an event left behind by a
     * failed publish or a crash is published before the newer ones, because consumers skip an aggregate's event
     * whose sequence is not above the last they applied.
     *
     * @throws OptimisticLockingFailureException when someone else changed it since it was loaded
     */
    public void update(String collection, Object id, long expectedVersion, long eventSeq, Update changes,
                       List<? extends DomainEvent> events) {
        for (String reserved : List.of("_id", VERSION, EVENT_SEQ, RECENT_CHANGES, PendingEvent.FIELD)) {
            if (changes.modifies(reserved)) {
                throw new IllegalArgumentException("the store owns " + reserved);
            }
        }
        List<PendingEvent> pending = pending(events, eventSeq);
        changes.inc(VERSION, 1L).set(EVENT_SEQ, eventSeq + pending.size());
        if (!pending.isEmpty()) {
            changes.push(PendingEvent.FIELD).each(pending.stream().map(PendingEvent::toDocument).toArray());
        }
        ensureIndex(collection);
        Query query = new Query(Criteria.where("_id").is(id).and(VERSION).is(expectedVersion));
        query.fields().include(PendingEvent.FIELD);
        Document after = mongo.findAndModify(query, changes,
                FindAndModifyOptions.options().returnNew(true), Document.class,
                collection);
        if (after == null) {
            throw new OptimisticLockingFailureException(
                    "%s %s changed since version %d".formatted(collection, id, expectedVersion));
        }
        relay.submit(collection, id, outboxOf(after));
    }

    /**
     * Hands every event still pending in these documents to the relay, oldest first (one read): for writes that
     * cannot return the document, so that events left behind earlier go out before the ones just written.
     */
    public void submitPending(String collection, Collection<?> ids) {
        if (ids.isEmpty()) {
            return;
        }
        Query query = new Query(ids.size() == 1 ? Criteria.where("_id").is(ids.iterator().next())
                : Criteria.where("_id").in(ids));
        query.fields().include(PendingEvent.FIELD);
        for (Document doc : mongo.find(query, Document.class, collection)) {
            relay.submit(collection, doc.get("_id"), outboxOf(doc));
        }
    }

    private static List<PendingEvent> outboxOf(Document doc) {
        return doc.getList(PendingEvent.FIELD, Document.class, List.of()).stream()
                .map(PendingEvent::fromDocument).toList();
    }

    /** One change of a bulk write: the aggregate as loaded, the changes and the events they cause. */
    public record Pending(Object id, long expectedVersion, long eventSeq, Update changes,
                          List<? extends DomainEvent> events) {
    }

    /**
     * Applies many changes (to distinct aggregates) in one unordered bulk write, each still conditional on the version
     * it was loaded at. Returns the ids that were applied; the others changed concurrently and must be retried.
     * Each change also pushes a one-off marker to {@code recentChanges}, so that on a partial match the applied ones
     * can be told apart for certain.
     */
    public java.util.Set<Object> updateAll(String collection, List<Pending> changes) {
        if (changes.isEmpty()) {
            return java.util.Set.of();
        }
        ensureIndex(collection);
        org.springframework.data.mongodb.core.BulkOperations bulk =
                mongo.bulkOps(org.springframework.data.mongodb.core.BulkOperations.BulkMode.UNORDERED, collection);
        java.util.Map<Object, String> markers = new java.util.HashMap<>();
        java.util.Map<Object, List<PendingEvent>> events = new java.util.LinkedHashMap<>();
        for (Pending change : changes) {
            List<PendingEvent> pending = pending(change.events(), change.eventSeq());
            String marker = java.util.UUID.randomUUID().toString();
            markers.put(change.id(), marker);
            events.put(change.id(), pending);
            Update update = change.changes();
            update.inc(VERSION, 1L).set(EVENT_SEQ, change.eventSeq() + pending.size());
            update.push(RECENT_CHANGES).slice(-RECENT_CHANGES_KEPT).each(marker);
            if (!pending.isEmpty()) {
                update.push(PendingEvent.FIELD).each(pending.stream().map(PendingEvent::toDocument).toArray());
            }
            bulk.updateOne(new Query(Criteria.where("_id").is(change.id()).and(VERSION).is(change.expectedVersion())),
                    update);
        }
        long matched = bulk.execute().getMatchedCount();
        java.util.Set<Object> applied;
        if (matched == changes.size()) {
            applied = events.keySet();
        } else {
            applied = new java.util.HashSet<>();
            Query query = new Query(Criteria.where("_id").in(markers.keySet()));
            query.fields().include(RECENT_CHANGES);
            for (Document doc : mongo.find(query, Document.class, collection)) {
                if (doc.getList(RECENT_CHANGES, String.class, List.of()).contains(markers.get(doc.get("_id")))) {
                    applied.add(doc.get("_id"));
                }
            }
        }
        submitPending(collection, applied.stream().filter(id -> !events.get(id).isEmpty()).toList());
        return applied;
    }

    /**
     * A unique index on (_id, version): real MongoDB serves the conditional update from _id alone, but the
     * MongoDB-protocol server uses an index only when the filter's fields match it exactly, and would otherwise scan
     * the whole collection on every write (77 instead of ~3,500 updates/s at 20,000 documents).
     */
    private void ensureIndex(String collection) {
        if (indexed.add(collection)) {
            ensureCompoundIndex(mongo, collection, VERSION);
        }
    }

    /** Creates the unique index (_id, field) if it is missing; shared with the idempotent writer. */
    public static void ensureCompoundIndex(MongoTemplate mongo, String collection, String field) {
        mongo.indexOps(collection).createIndex(new org.springframework.data.mongodb.core.index.Index()
                .on("_id", org.springframework.data.domain.Sort.Direction.ASC)
                .on(field, org.springframework.data.domain.Sort.Direction.ASC).unique()
                .named("_id_" + field));
    }

    /** The field in which pending events ride, for stores that write their own documents. */
    public static final String OUTBOX = PendingEvent.FIELD;

    /**
     * For a store that writes its own documents (bulk writes keyed otherwise): the outbox entry of {@code event} at
     * {@code sequence}, to push into {@link #OUTBOX} in the same write as the change it reports; then
     * {@link #submitPending} the written documents.
     */
    public Document outboxEntry(DomainEvent event, long sequence) {
        return pending(List.of(event), sequence - 1).get(0).toDocument();
    }


    private List<PendingEvent> pending(List<? extends DomainEvent> events, long lastSeq) {
        EventContext context = EventContext.current();
        Instant now = clock.instant();
        List<PendingEvent> pending = new ArrayList<>(events.size());
        long seq = lastSeq;
        for (DomainEvent event : events) {
            EventEnvelope envelope = EventCodec.wrap(event, source, ++seq, now, context.traceparent(),
                    context.acceptedAt());
            pending.add(new PendingEvent(envelope.id(), event.eventType().topic(), envelope.key(), envelope.type(),
                    EventCodec.encodeToString(envelope), Date.from(now)));
        }
        return pending;
    }

    private static Object requireId(Document state) {
        Object id = state.get("_id");
        if (id == null) {
            throw new IllegalArgumentException("aggregate state needs an _id");
        }
        return id;
    }
}
