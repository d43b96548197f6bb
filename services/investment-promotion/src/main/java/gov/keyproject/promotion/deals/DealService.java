package gov.keyproject.promotion.deals;

import gov.keyproject.contracts.promotion.DealStage;
import gov.keyproject.platform.outbox.AggregateStore;
import gov.keyproject.platform.trail.TrailEntry;
import gov.keyproject.platform.trail.TrailStore;
import gov.keyproject.platform.web.ApiProblem;
import gov.keyproject.promotion.deal.Deal;
import gov.keyproject.promotion.deal.DealDetails;
import gov.keyproject.promotion.deal.DealState;
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
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Loads deals, runs domain commands and stores state, trail and events in one conditional single-document write. */
@Service
public class DealService {

    static final String COLLECTION = "deals";
    private static final List<String> NOT_STATE = List.of("_id", "_class", AggregateStore.VERSION,
            AggregateStore.EVENT_SEQ, AggregateStore.RECENT_CHANGES, "outbox", TrailStore.FIELD);

    private final AggregateStore store;
    private final MongoTemplate mongo;
    private final Clock clock;

    DealService(AggregateStore store, MongoTemplate mongo, Clock clock) {
        this.store = store;
        this.mongo = mongo;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public Deal register(String id, DealDetails details, LocalDate registeredOn, String actor) {
        Deal.Change change = Deal.register(id, details, registeredOn == null ? today() : registeredOn, today());
        Document doc = toDocument(change.after());
        doc.put(TrailStore.FIELD, List.of(TrailStore.entry(clock.instant(), actor, change.action(), Map.of())));
        try {
            store.insert(COLLECTION, doc, change.events());
        } catch (DuplicateKeyException e) {
            throw ApiProblem.conflict("招商项目已存在", "编号 " + id + " 已登记").with("dealId", id);
        }
        return change.after();
    }

    /** Runs {@code command} on the current deal and stores its change (an empty change writes nothing). */
    public Deal.Change execute(String id, Function<Deal, Deal.Change> command, String actor) {
        for (int attempt = 1; ; attempt++) {
            Document doc = load(id);
            Deal.Change change = command.apply(fromDocument(doc));
            if (change.isEmpty()) {
                return change;
            }
            Update update = new Update();
            toDocument(change.after()).forEach((field, value) -> {
                if (!NOT_STATE.contains(field) && !java.util.Objects.equals(doc.get(field), value)) {
                    update.set(field, value);
                }
            });
            update.push(TrailStore.FIELD, TrailStore.entry(clock.instant(), actor, change.action(), change.diff()));
            try {
                store.update(COLLECTION, id, doc.getLong(AggregateStore.VERSION), doc.getLong(AggregateStore.EVENT_SEQ),
                        update, change.events());
                return change;
            } catch (OptimisticLockingFailureException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    /** 纸上项目排查 as of today: flags and clears, once each; returns the deals it changed. */
    public List<String> sweepPaperProjects(String actor) {
        LocalDate today = today();
        return list(null, null).stream()
                .filter(d -> gov.keyproject.promotion.deal.PaperProjects.sweep(d, today).isPresent())
                .map(d -> execute(d.id(), x -> gov.keyproject.promotion.deal.PaperProjects.sweep(x, today)
                        .orElse(new Deal.Change(x, List.of(), "纸上项目排查", Map.of())), actor))
                .filter(c -> !c.isEmpty()).map(c -> c.after().id()).toList();
    }

    public Deal get(String id) {
        return fromDocument(load(id));
    }

    public Optional<Deal> find(String id) {
        Query query = byId(id);
        return Optional.ofNullable(mongo.findOne(query, Document.class, COLLECTION)).map(this::fromDocument);
    }

    public List<Deal> list(String unitCode, DealStage stage) {
        Query query = new Query().with(Sort.by("_id"));
        if (unitCode != null) {
            query.addCriteria(Criteria.where("details.unitCode").is(unitCode));
        }
        if (stage != null) {
            query.addCriteria(Criteria.where("stage").is(stage.name()));
        }
        query.fields().exclude(TrailStore.FIELD).exclude("outbox").exclude(AggregateStore.RECENT_CHANGES);
        return mongo.find(query, Document.class, COLLECTION).stream().map(this::fromDocument).toList();
    }

    public List<TrailEntry> trail(String id) {
        return TrailStore.read(mongo, COLLECTION, id, "招商项目");
    }

    private Document load(String id) {
        Document doc = mongo.findOne(byId(id), Document.class, COLLECTION);
        if (doc == null) {
            throw ApiProblem.notFound("招商项目", id);
        }
        return doc;
    }

    private static Query byId(String id) {
        Query query = new Query(Criteria.where("_id").is(id));
        query.fields().exclude(TrailStore.FIELD).exclude("outbox").exclude(AggregateStore.RECENT_CHANGES);
        return query;
    }

    private Document toDocument(Deal deal) {
        Document doc = new Document();
        mongo.getConverter().write(deal.state(), doc);
        doc.remove("_class");
        doc.put("_id", deal.id());
        return doc;
    }

    private Deal fromDocument(Document doc) {
        return new Deal(mongo.getConverter().read(DealState.class, doc));
    }
}
