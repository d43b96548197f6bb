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
import gov.keyproject.platform.consumer.IdempotentWriter;
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
 * share one sequence, so {@link IdempotentWriter} makes redeliveries and stale events change nothing. A correction
 * replaces the month's amount, so every figure computed from it moves by the difference.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectReadModel {

    static final String COLLECTION = "projects";

    @Bean
    Consumer<Message<byte[]>> projectEvents(IdempotentWriter writer) {
        return EventMessages.consumer(event -> apply(writer, event));
    }

    static void apply(IdempotentWriter writer, EventEnvelope event) {
        DomainEvent data = EventCodec.data(event);
        Update update;
        String code;
        if (data instanceof ProjectRegistered r) {
            code = r.project().projectCode();
            update = snapshot(r.project());
        } else if (data instanceof ProjectChanged c) {
            code = c.project().projectCode();
            update = snapshot(c.project());
        } else if (data instanceof ProjectPhaseChanged m) {
            code = m.project().projectCode();
            update = snapshot(m.project());
            if (m.to() == ProjectPhase.REVOKED) {
                update.set("revokedOn", m.on().toString());
            }
        } else if (data instanceof ProgressReported p) {
            code = p.projectCode();
            update = new Update().set("reports." + p.period(), new Document("investmentCompleted",
                    p.investmentCompleted().toPlainString()).append("workUnderWay", p.workUnderWay())
                    .append("revision", p.revision()));
        } else {
            return; // problems and photos do not move figures
        }
        writer.applyInOrder(COLLECTION, code, event, update);
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
        Query query = new Query(Criteria.where("registeredOn").exists(true));
        if (unitCode != null) {
            query.addCriteria(Criteria.where("unitCode").is(unitCode));
        }
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
        Map<YearMonth, MonthlyReport> reports = new HashMap<>();
        Document r = d.get("reports", Document.class);
        if (r != null) {
            r.forEach((period, value) -> {
                Document report = (Document) value;
                reports.put(YearMonth.parse(period), new MonthlyReport(
                        new BigDecimal(report.getString("investmentCompleted")), report.getBoolean("workUnderWay")));
            });
        }
        return new ProjectFacts(d.getString("_id"), d.getString("unitCode"), d.getString("township"),
                gov.keyproject.contracts.project.ProjectCategory.valueOf(d.getString("category")),
                gov.keyproject.contracts.project.ProjectLevel.valueOf(d.getString("level")),
                gov.keyproject.contracts.project.ConstructionType.valueOf(d.getString("constructionType")),
                planned, date(d, "registeredOn"), date(d, "plannedStart"), date(d, "plannedCompletion"),
                ProjectPhase.valueOf(d.getString("phase")), date(d, "revokedOn"), date(d, "startDate"),
                date(d, "completionDate"), reports);
    }

    private static LocalDate date(Document d, String field) {
        String v = d.getString(field);
        return v == null ? null : LocalDate.parse(v);
    }
}
