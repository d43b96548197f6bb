package gov.keyproject.registry.unit;

import gov.keyproject.contracts.DomainEvent;
import gov.keyproject.contracts.UnitKind;
import gov.keyproject.contracts.registry.UnitChanged;
import gov.keyproject.contracts.registry.UnitRegistered;
import gov.keyproject.platform.outbox.AggregateStore;
import gov.keyproject.platform.web.ApiProblem;
import gov.keyproject.platform.trail.TrailStore;
import gov.keyproject.platform.trail.TrailEntry;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Registers and changes units; each change, its trail entry and its event are one atomic document write. */
@Service
public class UnitService {

    static final String COLLECTION = "units";
    private static final int ATTEMPTS = 3;

    private final AggregateStore store;
    private final MongoTemplate mongo;
    private final Clock clock;

    UnitService(AggregateStore store, MongoTemplate mongo, Clock clock) {
        this.store = store;
        this.mongo = mongo;
        this.clock = clock;
    }

    public Unit register(Unit unit, String actor) {
        Document doc = toDocument(unit);
        doc.put(TrailStore.FIELD, List.of(TrailStore.entry(clock.instant(), actor, "登记单位", Map.of())));
        try {
            store.insert(COLLECTION, doc, List.of(new UnitRegistered(unit.code(), unit.name(), unit.kind())));
        } catch (DuplicateKeyException e) {
            throw ApiProblem.conflict("单位已存在", "单位编码 " + unit.code() + " 已登记").with("unitCode", unit.code());
        }
        return unit;
    }

    public Unit rename(String code, String name, UnitKind kind, String actor) {
        return change(code, u -> u.rename(name, kind), "修改单位信息", actor);
    }

    public Unit changeContact(String code, String person, String phone, String actor) {
        return change(code, u -> u.withContact(person, phone), "修改联系人", actor);
    }

    private Unit change(String code, UnaryOperator<Unit> change, String action, String actor) {
        for (int attempt = 1; ; attempt++) {
            Document doc = mongo.findById(code, Document.class, COLLECTION);
            if (doc == null) {
                throw ApiProblem.notFound("单位", code);
            }
            Unit before = fromDocument(doc);
            Unit after = change.apply(before);
            Map<String, Object[]> diff = before.diff(after);
            if (diff.isEmpty()) {
                return before; // nothing changed: no trail entry, no event
            }
            Update update = new Update();
            Document fields = toDocument(after);
            fields.remove("_id");
            fields.forEach(update::set);
            update.push(TrailStore.FIELD, TrailStore.entry(clock.instant(), actor, action, diff));
            List<DomainEvent> events = List.of(new UnitChanged(after.code(), after.name(), after.kind()));
            try {
                store.update(COLLECTION, code, doc.getLong(AggregateStore.VERSION),
                        doc.getLong(AggregateStore.EVENT_SEQ), update, events);
                return after;
            } catch (OptimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    public Optional<Unit> find(String code) {
        return Optional.ofNullable(mongo.findById(code, Document.class, COLLECTION)).map(UnitService::fromDocument);
    }

    public List<Unit> all() {
        Query query = new Query().with(Sort.by("_id"));
        query.fields().exclude("trail").exclude("outbox");
        return mongo.find(query, Document.class, COLLECTION).stream().map(UnitService::fromDocument).toList();
    }

    public List<TrailEntry> trail(String code) {
        return TrailStore.read(mongo, COLLECTION, code, "单位");
    }

    /** Whether a unit with this code is registered. */
    public boolean exists(String code) {
        // A lookup by _id, not exists(): that is a count, which the MongoDB-protocol server answers by scanning.
        Query query = new Query(Criteria.where("_id").is(code));
        query.fields().include("_id");
        return mongo.findOne(query, Document.class, COLLECTION) != null;
    }

    static Document toDocument(Unit u) {
        return new Document("_id", u.code()).append("name", u.name()).append("kind", u.kind().name())
                .append("contactPerson", u.contactPerson()).append("contactPhone", u.contactPhone());
    }

    static Unit fromDocument(Document d) {
        return new Unit(d.getString("_id"), d.getString("name"), UnitKind.valueOf(d.getString("kind")),
                d.getString("contactPerson"), d.getString("contactPhone"));
    }
}
