package gov.keyproject.statistics.period;

import gov.keyproject.contracts.statistics.ClosedPeriodAmended;
import gov.keyproject.contracts.statistics.FigureValues;
import gov.keyproject.contracts.statistics.PeriodClosed;
import gov.keyproject.platform.outbox.AggregateStore;
import gov.keyproject.platform.web.ApiProblem;
import gov.keyproject.statistics.figures.Dimension;
import gov.keyproject.statistics.figures.EnteredInvestment;
import gov.keyproject.statistics.figures.GroupFigures;
import gov.keyproject.statistics.figures.InvestmentFigures;
import gov.keyproject.statistics.figures.ProjectFacts;
import gov.keyproject.statistics.project.FigureEvents;
import gov.keyproject.statistics.project.ProjectReadModel;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * 月度关账: an operator closes a period and its figures are frozen (total, every unit). A later change to that period
 * (an operator's late correction) moves only the live figures and is recorded here as an amendment, listed with the
 * frozen figures, which never change.
 */
@Service
public class PeriodCloses {

    static final String COLLECTION = "periods";

    private final AggregateStore store;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final gov.keyproject.statistics.feed.FeedStore feed;

    PeriodCloses(AggregateStore store, MongoTemplate mongo, Clock clock, gov.keyproject.statistics.feed.FeedStore feed) {
        this.store = store;
        this.mongo = mongo;
        this.clock = clock;
        this.feed = feed;
    }

    public Document close(YearMonth period, String actor) {
        LocalDate today = LocalDate.now(clock);
        if (period.isAfter(InvestmentFigures.assessmentPeriod(today))) {
            throw ApiProblem.badRequest("period", "只能关账已结束的统计期 (最晚 " + InvestmentFigures.assessmentPeriod(today)
                    + ")");
        }
        InvestmentFigures figures = new InvestmentFigures(period, today);
        List<ProjectFacts> facts = ProjectReadModel.facts(mongo, null);
        EnteredInvestment entered = feed.entered();
        FigureValues total = FigureEvents.values(figures.total(facts, entered));
        List<Document> units = new ArrayList<>();
        for (GroupFigures g : figures.byDimension(Dimension.UNIT, facts, entered)) {
            units.add(new Document("unitCode", g.key()).append("figures", toDocument(FigureEvents.values(g))));
        }
        List<Document> projects = new ArrayList<>();
        for (ProjectFacts f : facts) {
            projects.add(new Document("projectCode", f.code()).append("unitCode", f.unitCode())
                    .append("ytdCompleted", figures.project(f, EnteredInvestment.NONE).ytdCompleted().toPlainString()));
        }
        Document doc = new Document("_id", period.toString()).append("closedAt", Date.from(clock.instant()))
                .append("closedBy", actor).append("total", toDocument(total)).append("units", units)
                .append("projects", projects).append("amendments", List.of());
        try {
            store.insert(COLLECTION, doc, List.of(new PeriodClosed(period, clock.instant(), actor, total)));
        } catch (DuplicateKeyException e) {
            throw ApiProblem.conflict("该月已关账", period + " 已于此前关账，冻结数据不再改变").with("period", period.toString());
        }
        return view(period);
    }

    /** The frozen figures with their amendments, or 404 when the period is not closed. */
    public Document view(YearMonth period) {
        Query query = new Query(Criteria.where("_id").is(period.toString()));
        query.fields().exclude("outbox").exclude(AggregateStore.RECENT_CHANGES).exclude(AggregateStore.VERSION)
                .exclude(AggregateStore.EVENT_SEQ);
        Document doc = mongo.findOne(query, Document.class, COLLECTION);
        if (doc == null) {
            throw ApiProblem.notFound("已关账统计期", period.toString());
        }
        return doc;
    }

    /**
     * Records, once per source event, an amendment to every closed period of the report's year from the report's
     * period on (their YTD figures include it). Written before the project's own update, so a crash in between is
     * repaired by the redelivery, which finds the amendment already there.
     */
    public void recordAmendments(YearMonth reportPeriod, String eventId, ProjectFacts after, LocalDate today,
                                 String what) {
        List<String> months = new ArrayList<>();
        for (YearMonth period = reportPeriod; period.getYear() == reportPeriod.getYear()
                && !period.isAfter(YearMonth.from(today)); period = period.plusMonths(1)) {
            months.add(period.toString());
        }
        if (months.isEmpty()) {
            return;
        }
        // One read for which of them are closed (usually none), not one per month.
        Query closed = new Query(months.size() == 1 ? Criteria.where("_id").is(months.get(0))
                : Criteria.where("_id").in(months));
        closed.fields().include("_id");
        List<String> found = new ArrayList<>();
        mongo.find(closed, Document.class, COLLECTION).forEach(d -> found.add(d.getString("_id")));
        found.stream().sorted().forEach(period -> amend(YearMonth.parse(period), eventId, after, today, what));
    }

    private void amend(YearMonth period, String eventId, ProjectFacts after, LocalDate today, String what) {
        for (int attempt = 1; ; attempt++) {
            Query query = new Query(Criteria.where("_id").is(period.toString()));
            query.fields().include("amendments").include("projects").include(AggregateStore.VERSION)
                    .include(AggregateStore.EVENT_SEQ);
            Document doc = mongo.findOne(query, Document.class, COLLECTION);
            if (doc == null) {
                return; // not closed: live figures only
            }
            boolean recorded = doc.getList("amendments", Document.class, List.of()).stream()
                    .anyMatch(a -> eventId.equals(a.getString("eventId")));
            if (recorded) {
                return;
            }
            BigDecimal frozen = doc.getList("projects", Document.class, List.of()).stream()
                    .filter(p -> after.code().equals(p.getString("projectCode")))
                    .map(p -> new BigDecimal(p.getString("ytdCompleted"))).findFirst().orElse(BigDecimal.ZERO);
            BigDecimal live = new InvestmentFigures(period, today).project(after, EnteredInvestment.NONE)
                    .ytdCompleted();
            Document amendment = new Document("eventId", eventId).append("projectCode", after.code())
                    .append("unitCode", after.unitCode()).append("what", what)
                    .append("frozenYtdCompleted", frozen.toPlainString()).append("liveYtdCompleted", live.toPlainString())
                    .append("at", Date.from(clock.instant()));
            try {
                store.update(COLLECTION, period.toString(), doc.getLong(AggregateStore.VERSION),
                        doc.getLong(AggregateStore.EVENT_SEQ), new Update().push("amendments", amendment),
                        List.of(new ClosedPeriodAmended(period, after.code(), after.unitCode(), what, frozen, live,
                                clock.instant())));
                return;
            } catch (OptimisticLockingFailureException e) {
                if (attempt >= 5) {
                    throw e;
                }
            }
        }
    }

    private Document toDocument(FigureValues values) {
        Document doc = new Document();
        mongo.getConverter().write(values, doc);
        doc.remove("_class");
        return doc;
    }
}
