package gov.keyproject.registry.project;

import gov.keyproject.contracts.project.ProjectPhase;
import gov.keyproject.platform.outbox.AggregateStore;
import gov.keyproject.platform.web.ApiProblem;
import gov.keyproject.platform.trail.TrailStore;
import gov.keyproject.platform.trail.TrailEntry;
import gov.keyproject.registry.unit.UnitService;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
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

/**
 * Loads projects, runs domain commands on them and stores the result: state, trail entry and events in one
 * conditional single-document write (optimistic, retried on a concurrent change).
 */
@Service
public class ProjectService {

    public static final String COLLECTION = "projects";
    private static final int ATTEMPTS = 5;
    private static final List<String> NOT_STATE = List.of("_id", "_class", AggregateStore.VERSION,
            AggregateStore.EVENT_SEQ, AggregateStore.RECENT_CHANGES, "outbox", TrailStore.FIELD);

    private final AggregateStore store;
    private final MongoTemplate mongo;
    private final UnitService units;
    private final Clock clock;
    private final ReportingWindow window;

    ProjectService(AggregateStore store, MongoTemplate mongo, UnitService units, Clock clock,
                   @Value("${keyproject.reports.deadline-day:5}") int deadlineDay) {
        this.store = store;
        this.mongo = mongo;
        this.units = units;
        this.clock = clock;
        this.window = new ReportingWindow(deadlineDay);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public ReportingWindow window() {
        return window;
    }

    public Project register(String code, ProjectData data, ProjectPhase phase, LocalDate startDate, String dealId,
                            String actor) {
        Project.Change change = Project.register(code, data, phase, startDate, dealId, today());
        requireUnit(change.after().unitCode());
        Document doc = toDocument(change.after());
        doc.put(TrailStore.FIELD, List.of(TrailStore.entry(clock.instant(), actor, change.action(), Map.of())));
        try {
            store.insert(COLLECTION, doc, change.events());
        } catch (DuplicateKeyException e) {
            throw ApiProblem.conflict("项目已存在", "项目代码 " + code + " 已登记").with("projectCode", code);
        }
        return change.after();
    }

    /** Runs {@code command} on the current project and stores its change; returns it (empty: nothing changed). */
    public Project.Change execute(String code, Function<Project, Project.Change> command, String actor) {
        for (int attempt = 1; ; attempt++) {
            Document doc = load(code);
            Project.Change change = command.apply(fromDocument(doc));
            if (change.isEmpty()) {
                return change;
            }
            if (!change.after().unitCode().equals(fromDocument(doc).unitCode())) {
                requireUnit(change.after().unitCode());
            }
            try {
                store.update(COLLECTION, code, doc.getLong(AggregateStore.VERSION),
                        doc.getLong(AggregateStore.EVENT_SEQ), stateUpdate(doc, change.after())
                                .push(TrailStore.FIELD, TrailStore.entry(clock.instant(), actor, change.action(),
                                        change.diff())), change.events());
                return change;
            } catch (OptimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** The outcome of one command of a batch: the change, or the reason it was refused. */
    public record Outcome(Project.Change change, RuntimeException refusal) {
    }

    /**
     * Runs one command per project (distinct codes) as a batch: one query loads them all, one bulk write stores all
     * changes. A command that throws is refused on its own; a change lost to a concurrent writer is retried alone.
     */
    public Map<String, Outcome> executeAll(Map<String, Function<Project, Project.Change>> commands, String actor) {
        Map<String, Outcome> outcomes = new java.util.LinkedHashMap<>();
        Map<String, Document> docs = new java.util.HashMap<>();
        Query query = new Query(Criteria.where("_id").in(commands.keySet()));
        query.fields().exclude(TrailStore.FIELD).exclude("outbox").exclude(AggregateStore.RECENT_CHANGES);
        mongo.find(query, Document.class, COLLECTION).forEach(d -> docs.put(d.getString("_id"), d));
        List<AggregateStore.Pending> writes = new java.util.ArrayList<>();
        Map<String, Project.Change> changes = new java.util.HashMap<>();
        commands.forEach((code, command) -> {
            Document doc = docs.get(code);
            try {
                if (doc == null) {
                    throw ApiProblem.notFound("项目", code);
                }
                Project before = fromDocument(doc);
                Project.Change change = command.apply(before);
                if (change.isEmpty()) {
                    outcomes.put(code, new Outcome(change, null));
                    return;
                }
                if (!change.after().unitCode().equals(before.unitCode())) {
                    requireUnit(change.after().unitCode());
                }
                changes.put(code, change);
                writes.add(new AggregateStore.Pending(code, doc.getLong(AggregateStore.VERSION),
                        doc.getLong(AggregateStore.EVENT_SEQ), stateUpdate(doc, change.after()).push(TrailStore.FIELD,
                        TrailStore.entry(clock.instant(), actor, change.action(), change.diff())), change.events()));
            } catch (RuntimeException e) {
                outcomes.put(code, new Outcome(null, e));
            }
        });
        java.util.Set<Object> applied = store.updateAll(COLLECTION, writes);
        for (AggregateStore.Pending write : writes) {
            String code = (String) write.id();
            if (applied.contains(code)) {
                outcomes.put(code, new Outcome(changes.get(code), null));
            } else {
                try {
                    outcomes.put(code, new Outcome(execute(code, commands.get(code), actor), null));
                } catch (RuntimeException e) {
                    outcomes.put(code, new Outcome(null, e));
                }
            }
        }
        return outcomes;
    }

    public Optional<Project> find(String code) {
        Query query = new Query(Criteria.where("_id").is(code));
        query.fields().exclude(TrailStore.FIELD).exclude("outbox").exclude(AggregateStore.RECENT_CHANGES);
        return Optional.ofNullable(mongo.findOne(query, Document.class, COLLECTION)).map(this::fromDocument);
    }

    public Project get(String code) {
        return fromDocument(load(code));
    }

    public List<Project> list(String unitCode, ProjectPhase phase) {
        Query query = new Query().with(Sort.by("_id"));
        if (unitCode != null) {
            query.addCriteria(Criteria.where("data.unitCode").is(unitCode));
        }
        if (phase != null) {
            query.addCriteria(Criteria.where("phase").is(phase.name()));
        }
        query.fields().exclude(TrailStore.FIELD).exclude("outbox");
        return mongo.find(query, Document.class, COLLECTION).stream().map(this::fromDocument).toList();
    }

    public List<TrailEntry> trail(String code) {
        return TrailStore.read(mongo, COLLECTION, code, "项目");
    }

    /** The project's state, without its trail and pending events (the domain needs neither; they only grow). */
    Document load(String code) {
        Query query = new Query(Criteria.where("_id").is(code));
        query.fields().exclude(TrailStore.FIELD).exclude("outbox").exclude(AggregateStore.RECENT_CHANGES);
        Document doc = mongo.findOne(query, Document.class, COLLECTION);
        if (doc == null) {
            throw ApiProblem.notFound("项目", code);
        }
        return doc;
    }

    Document toDocument(Project project) {
        Document doc = new Document();
        mongo.getConverter().write(project.state(), doc);
        doc.remove("_class");
        doc.put("_id", project.code());
        return doc;
    }

    Project fromDocument(Document doc) {
        return new Project(mongo.getConverter().read(ProjectState.class, doc));
    }

    /** Sets the top-level state fields that differ from the loaded document (a report touches only "reports"). */
    Update stateUpdate(Document loaded, Project project) {
        Update update = new Update();
        toDocument(project).forEach((field, value) -> {
            if (!NOT_STATE.contains(field) && !java.util.Objects.equals(loaded.get(field), value)) {
                update.set(field, value);
            }
        });
        return update;
    }

    private void requireUnit(String unitCode) {
        if (!units.exists(unitCode)) {
            throw ApiProblem.badRequest("unitCode", "责任单位 " + unitCode + " 不存在");
        }
    }
}
