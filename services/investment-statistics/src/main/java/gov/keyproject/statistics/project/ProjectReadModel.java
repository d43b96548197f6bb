package gov.keyproject.statistics.project;

import gov.keyproject.contracts.DomainEvent;
import gov.keyproject.contracts.EventCodec;
import gov.keyproject.contracts.EventEnvelope;
import gov.keyproject.contracts.project.ProgressReported;
import gov.keyproject.contracts.project.ProjectChanged;
import gov.keyproject.contracts.project.ProjectPhase;
import gov.keyproject.contracts.project.ProjectPhaseChanged;
import gov.keyproject.contracts.project.ProjectRegistered;
import gov.keyproject.contracts.project.ProjectSnapshot;
import gov.keyproject.platform.consumer.EventMessages;
import gov.keyproject.contracts.statistics.ProjectFiguresUpdated;
import gov.keyproject.platform.outbox.AggregateStore;
import gov.keyproject.statistics.figures.EnteredInvestment;
import gov.keyproject.statistics.figures.InvestmentFigures;
import gov.keyproject.statistics.figures.ProjectFigures;
import gov.keyproject.statistics.period.PeriodCloses;
import gov.keyproject.statistics.figures.MonthlyReport;
import gov.keyproject.statistics.figures.ProjectFacts;
import org.bson.Document;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.messaging.Message;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * This service's read model of registry projects: one document per project with the latest snapshot and the latest
 * revision of each month's report, built only from {@code registry.project-events.v1}. All of a project's events
 * share one sequence: an event not newer than the document's last one changes nothing. A correction replaces the
 * month's amount, so every figure computed from it moves by the difference. The document is an aggregate with an
 * outbox, so the figure events an update causes are written with it.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectReadModel {

    static final String COLLECTION = "projects";
    static final String LAST_SEQUENCE = "lastSequence";

    @Bean
    Consumer<Message<byte[]>> projectEvents(AggregateStore store, MongoTemplate mongo, Clock clock,
                                            PeriodCloses periods, UnitFiguresPublication units) {
        return EventMessages.consumer(event -> apply(store, mongo, clock, periods, units, event));
    }

    /**
     * Applies one registry event to the project's document and, in the same single-document write, queues the figure
     * events it causes (the project's figures for the assessment period and the report's period); then queues its
     * unit's figures for those periods to be published. A redelivered or stale event (sequence not newer than the
     * document's) changes nothing.
     */
    static void apply(AggregateStore store, MongoTemplate mongo, Clock clock, PeriodCloses periods,
                      UnitFiguresPublication units, EventEnvelope event) {
        DomainEvent data = EventCodec.data(event);
        String code = codeOf(data);
        if (code == null) {
            return; // problems and photos do not move figures
        }
        for (int attempt = 1; ; attempt++) {
            Query byId = new Query(Criteria.where("_id").is(code));
            byId.fields().exclude("outbox").exclude(AggregateStore.RECENT_CHANGES);
            Document doc = mongo.findOne(byId, Document.class, COLLECTION);
            if (doc == null) {
                try {
                    store.insert(COLLECTION, new Document("_id", code).append(LAST_SEQUENCE, 0L), List.of());
                } catch (org.springframework.dao.DuplicateKeyException e) {
                    // created concurrently: read it again
                }
                continue;
            }
            if (doc.get(LAST_SEQUENCE, Number.class).longValue() >= event.sequence()) {
                return; // already applied
            }
            Update update = update(data).set(LAST_SEQUENCE, event.sequence());
            ProjectFacts before = doc.containsKey("registeredOn") ? toFacts(doc) : null;
            ProjectFacts after = after(before, doc, data);
            LocalDate today = LocalDate.now(clock);
            List<DomainEvent> figures = after == null ? List.of() : figureEvents(after, data, today);
            if (data instanceof ProgressReported p && after != null) {
                periods.recordAmendments(p.period(), event.id(), after, today,
                        (p.revision() == 1 ? "填报月度进度 " : "更正月度进度 ") + p.period());
            }
            try {
                store.update(COLLECTION, code, doc.getLong(AggregateStore.VERSION),
                        doc.getLong(AggregateStore.EVENT_SEQ), update, figures);
                if (after != null) {
                    for (YearMonth period : periods(data, today)) {
                        units.moved(after.unitCode(), period, code);
                        if (before != null && !before.unitCode().equals(after.unitCode())) {
                            units.moved(before.unitCode(), period, code); // moved to another unit
                        }
                    }
                }
                return;
            } catch (org.springframework.dao.OptimisticLockingFailureException e) {
                if (attempt >= 5) {
                    throw e;
                }
            }
        }
    }

    private static String codeOf(DomainEvent data) {
        if (data instanceof ProjectRegistered r) {
            return r.project().projectCode();
        } else if (data instanceof ProjectChanged c) {
            return c.project().projectCode();
        } else if (data instanceof ProjectPhaseChanged m) {
            return m.project().projectCode();
        } else if (data instanceof ProgressReported p) {
            return p.projectCode();
        }
        return null;
    }

    private static Update update(DomainEvent data) {
        if (data instanceof ProjectRegistered r) {
            return snapshot(r.project());
        } else if (data instanceof ProjectChanged c) {
            return snapshot(c.project());
        } else if (data instanceof ProjectPhaseChanged m) {
            Update u = snapshot(m.project());
            if (m.to() == ProjectPhase.REVOKED) {
                u.set("revokedOn", m.on().toString());
            }
            return u;
        }
        ProgressReported p = (ProgressReported) data;
        return new Update().set("reports." + p.period(), new Document("investmentCompleted",
                p.investmentCompleted().toPlainString()).append("workUnderWay", p.workUnderWay())
                .append("revision", p.revision()));
    }

    /** The project's facts after the event, computed in memory (null while the registry snapshot is unknown). */
    private static ProjectFacts after(ProjectFacts before, Document doc, DomainEvent data) {
        if (data instanceof ProgressReported p) {
            return before == null ? null : before.withReport(p.period(),
                    new MonthlyReport(p.investmentCompleted(), p.workUnderWay()));
        }
        ProjectSnapshot s = data instanceof ProjectRegistered r ? r.project()
                : data instanceof ProjectChanged c ? c.project() : ((ProjectPhaseChanged) data).project();
        LocalDate revokedOn = data instanceof ProjectPhaseChanged m && m.to() == ProjectPhase.REVOKED ? m.on()
                : s.phase() == ProjectPhase.REVOKED ? date(doc, "revokedOn") : null;
        return new ProjectFacts(s.projectCode(), s.unitCode(), s.township(), s.category(), s.level(),
                s.constructionType(), s.plannedInvestment(), s.registeredOn(), s.plannedStart(),
                s.plannedCompletion(), s.phase(), revokedOn, s.startDate(), s.completionDate(),
                before == null ? reportsOf(doc) : before.reports());
    }

    /** The periods an event moves: the assessment period and (if other) the report's period. */
    private static java.util.Set<YearMonth> periods(DomainEvent data, LocalDate today) {
        java.util.Set<YearMonth> periods = new java.util.TreeSet<>();
        periods.add(InvestmentFigures.assessmentPeriod(today));
        if (data instanceof ProgressReported p && !p.period().isAfter(YearMonth.from(today))) {
            periods.add(p.period());
        }
        return periods;
    }

    /** The project's figures for the periods the event moves (its unit's are published apart, gathered). */
    private static List<DomainEvent> figureEvents(ProjectFacts after, DomainEvent data, LocalDate today) {
        List<DomainEvent> events = new ArrayList<>();
        for (YearMonth period : periods(data, today)) {
            ProjectFigures p = new InvestmentFigures(period, today).project(after, EnteredInvestment.NONE);
            events.add(new ProjectFiguresUpdated(after.code(), after.unitCode(), period, p.counted(),
                    FigureEvents.values(p)));
        }
        return events;
    }

    private static Update snapshot(ProjectSnapshot s) {
        Document planned = new Document();
        s.plannedInvestment().forEach((year, amount) -> planned.put(Integer.toString(year), amount.toPlainString()));
        return new Update().set("unitCode", s.unitCode()).set("township", s.township())
                .set("category", s.category().name()).set("level", s.level().name())
                .set("constructionType", s.constructionType().name()).set("plannedInvestment", planned)
                .set("registeredOn", str(s.registeredOn())).set("plannedStart", str(s.plannedStart()))
                .set("plannedCompletion", str(s.plannedCompletion())).set("phase", s.phase().name())
                .set("startDate", str(s.startDate())).set("completionDate", str(s.completionDate()))
                .set("name", s.name());
    }

    private static String str(LocalDate d) {
        return d == null ? null : d.toString();
    }

    /** The facts of every known project (of one unit when {@code unitCode} is given), for the figures. */
    public static List<ProjectFacts> facts(MongoTemplate mongo, String unitCode) {
        return factsOfUnits(mongo, unitCode == null ? null : List.of(unitCode));
    }

    /** The unit codes of every known project. */
    static List<String> unitCodes(MongoTemplate mongo) {
        return mongo.findDistinct(new Query(Criteria.where("registeredOn").exists(true)), "unitCode", COLLECTION,
                String.class);
    }

    /** The facts of the known projects of the given units (of every unit when null). */
    static List<ProjectFacts> factsOfUnits(MongoTemplate mongo, java.util.Collection<String> unitCodes) {
        Query query = new Query(Criteria.where("registeredOn").exists(true));
        if (unitCodes != null) {
            query.addCriteria(unitCodes.size() == 1 ? Criteria.where("unitCode").is(unitCodes.iterator().next())
                    : Criteria.where("unitCode").in(unitCodes));
        }
        query.fields().exclude("outbox").exclude(AggregateStore.RECENT_CHANGES);
        List<ProjectFacts> facts = new ArrayList<>();
        for (Document d : mongo.find(query, Document.class, COLLECTION)) {
            facts.add(toFacts(d));
        }
        return facts;
    }

    static ProjectFacts toFacts(Document d) {
        Map<Integer, BigDecimal> planned = new HashMap<>();
        Document p = d.get("plannedInvestment", Document.class);
        if (p != null) {
            p.forEach((year, amount) -> planned.put(Integer.parseInt(year), new BigDecimal((String) amount)));
        }
        Map<YearMonth, MonthlyReport> reports = reportsOf(d);
        return new ProjectFacts(d.getString("_id"), d.getString("unitCode"), d.getString("township"),
                gov.keyproject.contracts.project.ProjectCategory.valueOf(d.getString("category")),
                gov.keyproject.contracts.project.ProjectLevel.valueOf(d.getString("level")),
                gov.keyproject.contracts.project.ConstructionType.valueOf(d.getString("constructionType")),
                planned, date(d, "registeredOn"), date(d, "plannedStart"), date(d, "plannedCompletion"),
                ProjectPhase.valueOf(d.getString("phase")), date(d, "revokedOn"), date(d, "startDate"),
                date(d, "completionDate"), reports);
    }

    private static Map<YearMonth, MonthlyReport> reportsOf(Document d) {
        Map<YearMonth, MonthlyReport> reports = new HashMap<>();
        Document r = d.get("reports", Document.class);
        if (r != null) {
            r.forEach((period, value) -> {
                Document report = (Document) value;
                reports.put(YearMonth.parse(period), new MonthlyReport(
                        new BigDecimal(report.getString("investmentCompleted")), report.getBoolean("workUnderWay")));
            });
        }
        return reports;
    }

    private static LocalDate date(Document d, String field) {
        String v = d.getString(field);
        return v == null ? null : LocalDate.parse(v);
    }
}
