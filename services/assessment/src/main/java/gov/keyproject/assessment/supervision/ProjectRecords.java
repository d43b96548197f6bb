package gov.keyproject.assessment.supervision;

import gov.keyproject.assessment.Documents;
import gov.keyproject.assessment.notice.SupervisionNotice;
import gov.keyproject.assessment.ranking.Contribution;
import gov.keyproject.assessment.warning.ProjectFile;
import gov.keyproject.assessment.warning.Warning;
import gov.keyproject.contracts.DomainEvent;
import gov.keyproject.contracts.assessment.NoticeView;
import gov.keyproject.platform.outbox.AggregateStore;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Loads and stores {@link ProjectRecord}s: one document per project, written with its events (outbox). */
@Component
public class ProjectRecords {

    public static final String COLLECTION = "projects";
    static final String LAST_SEQUENCE = "lastSequence";

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final java.util.concurrent.atomic.AtomicBoolean indexed = new java.util.concurrent.atomic.AtomicBoolean();

    ProjectRecords(MongoTemplate mongo, AggregateStore store) {
        this.mongo = mongo;
        this.store = store;
    }

    public Optional<ProjectRecord> find(String code) {
        Query byId = new Query(Criteria.where("_id").is(code));
        byId.fields().exclude(AggregateStore.RECENT_CHANGES).exclude("outbox");
        return Optional.ofNullable(mongo.findOne(byId, Document.class, COLLECTION)).map(ProjectRecords::read);
    }

    /** The record, created empty if this is the first event about the project. */
    ProjectRecord findOrCreate(String code) {
        Optional<ProjectRecord> found = find(code);
        if (found.isPresent()) {
            return found.get();
        }
        try {
            store.insert(COLLECTION, new Document("_id", code).append(LAST_SEQUENCE, 0L)
                    .append("warning", Documents.of(Warning.NOT_COLOURED)).append("notices", List.of())
                    .append("contributions", new Document()).append("formerUnits", List.of()), List.of());
        } catch (org.springframework.dao.DuplicateKeyException e) {
            // created concurrently
        }
        return find(code).orElseThrow();
    }

    /**
     * Writes the new state (and the last applied input sequence) with its events, if nobody changed the record
     * since it was loaded.
     *
     * @throws org.springframework.dao.OptimisticLockingFailureException otherwise
     */
    void save(ProjectRecord before, ProjectRecord after, long lastSequence, Map.Entry<YearMonth, Long> entered,
              List<DomainEvent> events) {
        Update update = new Update().set(LAST_SEQUENCE, lastSequence)
                .set("warning", Documents.of(after.warning()))
                .set("colour", after.warning().coloured() ? after.warning().colour().name() : null)
                .set("notices", Documents.listOf(after.notices().stream().map(SupervisionNotice::view).toList()))
                .set("openNotices", (int) after.notices().stream().filter(SupervisionNotice::open).count())
                .set("formerUnits", after.formerUnits());
        Document contributions = new Document();
        after.contributions().forEach((p, c) -> contributions.put(p.toString(), Documents.of(c)));
        update.set("contributions", contributions);
        if (after.file() != null) {
            update.set("file", Documents.of(after.file())).set("unitCode", after.file().unitCode());
        }
        if (entered != null) {
            update.set("enteredSeq." + entered.getKey(), entered.getValue());
        }
        store.update(COLLECTION, before.code(), before.version(), before.eventSeq(), update, events);
    }

    /** Every project code, for the daily sweep (ids only). */
    List<String> allCodes() {
        Query all = new Query();
        all.fields().include("_id");
        List<String> codes = new ArrayList<>();
        mongo.find(all, Document.class, COLLECTION).forEach(d -> codes.add(d.getString("_id")));
        return codes;
    }

    /** One unit's records (an index on the unit code serves it). */
    public List<ProjectRecord> ofUnit(String unitCode) {
        if (indexed.compareAndSet(false, true)) {
            mongo.indexOps(COLLECTION).createIndex(new org.springframework.data.mongodb.core.index.Index()
                    .on("unitCode", org.springframework.data.domain.Sort.Direction.ASC));
        }
        Query query = new Query(Criteria.where("unitCode").is(unitCode));
        query.fields().exclude(AggregateStore.RECENT_CHANGES).exclude("outbox");
        return mongo.find(query, Document.class, COLLECTION).stream().map(ProjectRecords::read).toList();
    }

    /** Every record, or one unit's (for lists, bulletins and checks; not for the event path). */
    public List<ProjectRecord> all(String unitCode) {
        return unitCode == null ? all() : ofUnit(unitCode);
    }

    /** All records (for lists, bulletins and checks; a scan, not for the event path). */
    public List<ProjectRecord> all() {
        Query all = new Query();
        all.fields().exclude(AggregateStore.RECENT_CHANGES).exclude("outbox");
        return mongo.find(all, Document.class, COLLECTION).stream().map(ProjectRecords::read).toList();
    }

    @SuppressWarnings("unchecked")
    static ProjectRecord read(Document d) {
        Document file = d.get("file", Document.class);
        Map<YearMonth, Contribution> contributions = new HashMap<>();
        Document c = d.get("contributions", Document.class);
        if (c != null) {
            c.forEach((p, v) -> contributions.put(YearMonth.parse(p), Documents.read(v, Contribution.class)));
        }
        List<SupervisionNotice> notices = Documents.readList((List<Object>) d.get("notices"), NoticeView.class)
                .stream().map(SupervisionNotice::of).toList();
        List<String> former = (List<String>) d.get("formerUnits");
        Map<YearMonth, Long> enteredSeq = new HashMap<>();
        Document es = d.get("enteredSeq", Document.class);
        if (es != null) {
            es.forEach((p, v) -> enteredSeq.put(YearMonth.parse(p), ((Number) v).longValue()));
        }
        return new ProjectRecord(d.getString("_id"), number(d, AggregateStore.VERSION),
                number(d, AggregateStore.EVENT_SEQ), number(d, LAST_SEQUENCE),
                file == null ? null : Documents.read(file, ProjectFile.class),
                Documents.read(d.get("warning"), Warning.class), notices, contributions,
                former == null ? List.of() : former, enteredSeq);
    }

    private static long number(Document d, String field) {
        Number n = d.get(field, Number.class);
        return n == null ? 0 : n.longValue();
    }
}
