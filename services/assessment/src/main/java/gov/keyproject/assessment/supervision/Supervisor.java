package gov.keyproject.assessment.supervision;

import gov.keyproject.assessment.AssessmentSettings;
import gov.keyproject.assessment.notice.ProjectSupervision;
import gov.keyproject.assessment.notice.SupervisionNotice;
import gov.keyproject.assessment.ranking.Contribution;
import gov.keyproject.assessment.ranking.Contributions;
import gov.keyproject.assessment.standings.Cause;
import gov.keyproject.assessment.standings.RankingUpdates;
import gov.keyproject.assessment.standings.Rankings;
import gov.keyproject.assessment.standings.Tallies;
import gov.keyproject.assessment.standings.UnitDirectory;
import gov.keyproject.assessment.warning.AssessmentCalendar;
import gov.keyproject.assessment.warning.ProjectFile;
import gov.keyproject.contracts.DomainEvent;
import gov.keyproject.contracts.EventCodec;
import gov.keyproject.contracts.EventEnvelope;
import gov.keyproject.contracts.UnitKind;
import gov.keyproject.contracts.assessment.NoticeChanged;
import gov.keyproject.contracts.statistics.InvestmentEntryRecorded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The assessment engine (督查考核): every input (a registry event, an entered amount, a deal event, a unit event, a
 * notice command, the daily sweep) changes one project or deal record in one atomic write with the colour and notice
 * events it causes, then puts the record's contribution into its unit's tally and re-ranks that unit's sequence.
 * Those two later steps are idempotent and are redone whenever the input is delivered again, so a crash between the
 * steps loses nothing and doubles nothing.
 */
@Component
public class Supervisor {

    private static final Logger log = LoggerFactory.getLogger(Supervisor.class);

    private final ProjectRecords records;
    private final DealRecords deals;
    private final UnitDirectory units;
    private final Tallies tallies;
    private final Rankings rankings;
    private final ProjectSupervision supervision;
    private final AssessmentCalendar calendar;
    private final Clock clock;
    private final io.micrometer.core.instrument.Timer rankingUpdate;
    private final io.micrometer.core.instrument.Timer projectUpdate;
    private final RankingUpdates rankingUpdates;

    Supervisor(ProjectRecords records, DealRecords deals, UnitDirectory units, Tallies tallies, Rankings rankings,
               RankingUpdates rankingUpdates, AssessmentSettings settings, Clock clock,
               io.micrometer.core.instrument.MeterRegistry meters) {
        this.rankingUpdates = rankingUpdates;
        this.records = records;
        this.deals = deals;
        this.units = units;
        this.tallies = tallies;
        this.rankings = rankings;
        this.supervision = new ProjectSupervision(settings.thresholds(), settings.calendar());
        this.calendar = settings.calendar();
        this.clock = clock;
        // The cost of one ranking update (tally and re-rank) and of one whole project update, as histograms.
        this.rankingUpdate = io.micrometer.core.instrument.Timer.builder("keyproject.assessment.ranking.update")
                .description("Putting one project's contribution into its unit's tally (the re-rank is queued)")
                .publishPercentileHistogram().register(meters);
        this.projectUpdate = io.micrometer.core.instrument.Timer.builder("keyproject.assessment.project.update")
                .description("Applying one input to a project: evaluation, notices, write, tally and ranking")
                .publishPercentileHistogram().register(meters);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public YearMonth assessmentPeriod() {
        return calendar.assessmentPeriod(today());
    }

    public AssessmentCalendar calendar() {
        return calendar;
    }

    /** A registry project event (registered, changed, phase, report, problem). */
    public void onProjectEvent(EventEnvelope event) {
        DomainEvent data = EventCodec.data(event);
        String code = ProjectEvents.codeOf(data);
        if (code == null) {
            return; // photos do not move colours or scores
        }
        change(code, event.sequence(), f -> ProjectEvents.apply(f, data), n -> n,
                Cause.project(code, ProjectEvents.what(data)), null);
    }

    /**
     * 投资入库 as the statistics service recorded it (from a file or the bureau's topic) for a project and month. An
     * amount is applied only when its revision is newer than the last one applied for that month, so a redelivery
     * changes nothing, even after a later amount.
     */
    public void onEntered(EventEnvelope event) {
        DomainEvent data = EventCodec.data(event);
        if (!(data instanceof InvestmentEntryRecorded e)) {
            throw new EventCodec.MalformedEventException("statistics.entry-events.v1 carries InvestmentEntryRecorded "
                    + "only, not " + event.type());
        }
        change(e.projectCode(), null, Map.entry(e.period(), e.revision()),
                f -> ProjectEvents.entered(f, e.period(), e.amountEntered()), n -> n,
                Cause.project(e.projectCode(), e.period() + " 入库 " + e.amountEntered().toPlainString() + " 万元"),
                null);
    }

    /** A promotion deal event: 资金到位率 and 纸上项目 of the deal's unit. */
    public void onDealEvent(EventEnvelope event) {
        Optional<String> id = deals.apply(event);
        String dealId = id.orElseGet(() -> event.subject());
        deals.find(dealId).ifPresent(d -> propagateDeal(d, assessmentPeriod(),
                Cause.deal(dealId, dealWhat(event)), null));
    }

    /** A registry unit event: a new unit joins its sequence, a renamed or re-kinded one moves. */
    public void onUnitEvent(EventEnvelope event) {
        Optional<UnitDirectory.Change> change = units.apply(event);
        YearMonth period = assessmentPeriod();
        String code = event.subject();
        units.find(code).ifPresent(u -> rankings.refresh(period, u.kind(),
                new Cause("U:" + code, "单位 " + u.name() + " 信息变更")));
        change.filter(c -> c.before() != null && c.before().kind() != c.after().kind())
                .ifPresent(c -> rankings.refresh(period, c.before().kind(),
                        new Cause("U:" + code, "单位 " + c.after().name() + " 调整序列")));
    }

    /**
     * Applies a move to one notice for a caller (领办, 整改, 驳回, 销号) and re-evaluates the project.
     *
     * @throws java.util.NoSuchElementException when there is no such notice
     * @throws gov.keyproject.assessment.notice.IllegalNoticeMove when the lifecycle forbids the move
     */
    public SupervisionNotice move(String noticeId, String action, String actor, String note) {
        String code = projectOf(noticeId);
        Instant at = clock.instant();
        LocalDate on = today();
        ProjectRecord after = change(code, null, f -> f, notices -> {
            List<SupervisionNotice> moved = new ArrayList<>(notices);
            for (int i = 0; i < moved.size(); i++) {
                SupervisionNotice n = moved.get(i);
                if (n.id().equals(noticeId)) {
                    moved.set(i, switch (action) {
                        case SupervisionNotice.ACKNOWLEDGE -> n.acknowledge(actor, on, at, note);
                        case SupervisionNotice.RECTIFY -> n.rectify(actor, on, at, note);
                        case SupervisionNotice.REJECT -> n.reject(actor, on, at, note);
                        case SupervisionNotice.CLOSE -> n.close(actor, on, at, note);
                        default -> throw new IllegalArgumentException("unknown move " + action);
                    });
                    return moved;
                }
            }
            throw new java.util.NoSuchElementException(noticeId);
        }, Cause.project(code, SupervisionNotice.actionLabel(action) + "督办单 " + noticeId), null);
        return after.notices().stream().filter(n -> n.id().equals(noticeId)).findFirst().orElseThrow();
    }

    public Optional<SupervisionNotice> notice(String noticeId) {
        String code = projectOf(noticeId);
        return records.find(code).flatMap(r -> r.notices().stream().filter(n -> n.id().equals(noticeId))
                .findFirst());
    }

    static String projectOf(String noticeId) {
        int cut = noticeId.lastIndexOf('_');
        if (cut <= 0) {
            throw new java.util.NoSuchElementException(noticeId);
        }
        return noticeId.substring(0, cut);
    }

    /** What a sweep did. */
    public record SweepReport(LocalDate day, int projects, int changed, int deals, int rankingsPublished) {
    }

    /**
     * 每日巡查: re-evaluates every project and deal as of today (deadlines pass, reminders come due, a new month
     * starts a new assessment period) and publishes each sequence's ranking once if it changed.
     */
    public SweepReport sweep() {
        LocalDate day = today();
        YearMonth period = calendar.assessmentPeriod(day);
        Map<UnitKind, Map<String, Cause>> batch = new LinkedHashMap<>();
        int changed = 0;
        List<String> codes = records.allCodes();
        for (String code : codes) {
            ProjectRecord before = records.find(code).orElse(null);
            ProjectRecord after = change(code, null, f -> f, n -> n, Cause.project(code, "每日巡查"), batch);
            if (before == null || after.version() != before.version()) {
                changed++;
            }
        }
        List<DealRecords.DealRecord> all = deals.all();
        for (DealRecords.DealRecord d : all) {
            propagateDeal(d, period, Cause.deal(d.dealId(), null), batch);
        }
        int published = 0;
        Cause sweep = new Cause("SWEEP:" + day, day + " 每日巡查");
        for (UnitKind kind : UnitKind.values()) {
            Map<String, Cause> causes = batch.getOrDefault(kind, Map.of());
            if (rankings.refresh(period, kind, causes, sweep).isPresent()) {
                published++;
            }
        }
        log.info("Daily sweep {}: {} projects ({} changed), {} deals, {} rankings published", day, codes.size(),
                changed, all.size(), published);
        return new SweepReport(day, codes.size(), changed, all.size(), published);
    }

    /**
     * Makes the tallies and rankings of {@code period} reflect every project and deal as they are now (a period
     * closed after the assessment period moved on is ranked this way, once, when its bulletin freezes).
     */
    public void recompute(YearMonth period, Cause cause) {
        Map<UnitKind, Map<String, Cause>> batch = new LinkedHashMap<>();
        for (ProjectRecord r : records.all()) {
            if (r.file() == null || r.file().unitCode() == null) {
                continue;
            }
            Contribution c = r.file().registeredOn() == null ? Contribution.NONE
                    : Contributions.ofProject(r.file(), r.notices(), period);
            if (tallies.put(period, r.file().unitCode(), "P:" + r.code(), c)) {
                rerank(period, r.file().unitCode(), Cause.project(r.code(), null), batch);
            }
        }
        for (DealRecords.DealRecord d : deals.all()) {
            propagateDeal(d, period, Cause.deal(d.dealId(), null), batch);
        }
        for (UnitKind kind : UnitKind.values()) {
            rankings.refresh(period, kind, batch.getOrDefault(kind, Map.of()), cause);
        }
    }

    /**
     * Changes one project record: the edit of its file and notices, then a re-evaluation as of today, in one
     * conditional write; a {@code sequence} not newer than the record's last one is a redelivery and only repairs
     * the tally and ranking steps.
     */
    ProjectRecord change(String code, Long sequence, UnaryOperator<ProjectFile> edit,
                         UnaryOperator<List<SupervisionNotice>> noticeEdit, Cause cause,
                         Map<UnitKind, Map<String, Cause>> batch) {
        return change(code, sequence, null, edit, noticeEdit, cause, batch);
    }

    /**
     * As above; {@code entered} (period and sequence of an entered amount) is applied only when newer than the last
     * entered amount seen for that project and month.
     */
    ProjectRecord change(String code, Long sequence, Map.Entry<YearMonth, Long> entered,
                         UnaryOperator<ProjectFile> edit, UnaryOperator<List<SupervisionNotice>> noticeEdit,
                         Cause cause, Map<UnitKind, Map<String, Cause>> batch) {
        if (batch != null) {
            return changeOnce(code, sequence, entered, edit, noticeEdit, cause, batch);
        }
        return projectUpdate.record(() -> changeOnce(code, sequence, entered, edit, noticeEdit, cause, null));
    }

    private ProjectRecord changeOnce(String code, Long sequence, Map.Entry<YearMonth, Long> entered,
                                     UnaryOperator<ProjectFile> edit,
                                     UnaryOperator<List<SupervisionNotice>> noticeEdit, Cause cause,
                                     Map<UnitKind, Map<String, Cause>> batch) {
        for (int attempt = 1; ; attempt++) {
            ProjectRecord before = records.findOrCreate(code);
            boolean duplicate = sequence != null && sequence <= before.lastSequence()
                    || entered != null && entered.getValue() <= before.enteredSequence(entered.getKey());
            if (duplicate) {
                propagate(before, cause, batch);
                return before;
            }
            ProjectFile file = edit.apply(before.file() == null ? ProjectEvents.placeholder(code) : before.file());
            List<SupervisionNotice> commanded = noticeEdit.apply(before.notices());
            List<DomainEvent> events = new ArrayList<>(commandEvents(before.notices(), commanded));
            LocalDate today = today();
            ProjectSupervision.Outcome outcome = supervision.evaluate(file, before.warning(), commanded, today,
                    clock.instant());
            events.addAll(outcome.events());
            YearMonth period = calendar.assessmentPeriod(today);
            Contribution contribution = file.registeredOn() == null ? Contribution.NONE
                    : Contributions.ofProject(file, outcome.notices(), period);
            List<String> former = new ArrayList<>(before.formerUnits());
            String oldUnit = before.file() == null ? null : before.file().unitCode();
            if (oldUnit != null && !oldUnit.equals(file.unitCode()) && !former.contains(oldUnit)) {
                former.add(oldUnit);
            }
            former.remove(file.unitCode());
            Map<YearMonth, Contribution> contributions = Map.of(period, contribution);
            ProjectRecord after = before.with(file, outcome.warning(), outcome.notices(), contributions, former);
            // A sweep that changes nothing writes nothing; the reasons can change while the colour stays.
            boolean same = sequence == null && entered == null && events.isEmpty() && file.equals(before.file())
                    && outcome.warning().equals(before.warning())
                    && sameContributions(before.contributions(), contributions) && former.equals(before.formerUnits());
            if (!same) {
                try {
                    records.save(before, after, sequence == null ? before.lastSequence() : sequence, entered, events);
                } catch (OptimisticLockingFailureException e) {
                    if (attempt >= 20) {
                        throw e;
                    }
                    continue;
                }
            }
            ProjectRecord stored = same ? before : written(after, sequence == null ? before.lastSequence() : sequence,
                    entered, events.size());
            if (batch == null) {
                rankingUpdate.record(() -> propagate(stored, cause, null));
            } else {
                propagate(stored, cause, batch);
            }
            return stored;
        }
    }

    /** The record as just written (saves reading it back). */
    private static ProjectRecord written(ProjectRecord after, long lastSequence, Map.Entry<YearMonth, Long> entered,
                                         int events) {
        Map<YearMonth, Long> enteredSequences = new HashMap<>(after.enteredSequences());
        if (entered != null) {
            enteredSequences.put(entered.getKey(), entered.getValue());
        }
        return new ProjectRecord(after.code(), after.version() + 1, after.eventSeq() + events, lastSequence,
                after.file(), after.warning(), after.notices(), after.contributions(), after.formerUnits(),
                enteredSequences);
    }

    private static boolean sameContributions(Map<YearMonth, Contribution> a, Map<YearMonth, Contribution> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        return a.entrySet().stream().allMatch(e -> e.getValue().sameAs(b.get(e.getKey())));
    }

    /** One NoticeChanged per step a command added. */
    private static List<DomainEvent> commandEvents(List<SupervisionNotice> before, List<SupervisionNotice> after) {
        Map<String, Integer> steps = new HashMap<>();
        before.forEach(n -> steps.put(n.id(), n.trail().size()));
        List<DomainEvent> events = new ArrayList<>();
        for (SupervisionNotice n : after) {
            int known = steps.getOrDefault(n.id(), 0);
            for (int i = known; i < n.trail().size(); i++) {
                events.add(new NoticeChanged(n.view(), n.trail().get(i)));
            }
        }
        return events;
    }

    /** Puts a project's contributions into its unit's tally (and takes them out of former units'), then re-ranks. */
    private void propagate(ProjectRecord record, Cause cause, Map<UnitKind, Map<String, Cause>> batch) {
        if (record.file() == null || record.file().unitCode() == null) {
            return;
        }
        String source = "P:" + record.code();
        record.contributions().forEach((period, contribution) -> {
            for (String former : record.formerUnits()) {
                if (tallies.put(period, former, source, Contribution.NONE)) {
                    rerank(period, former, cause, batch);
                }
            }
            if (tallies.put(period, record.file().unitCode(), source, contribution)) {
                rerank(period, record.file().unitCode(), cause, batch);
            }
        });
    }

    private void propagateDeal(DealRecords.DealRecord deal, YearMonth period, Cause cause,
                               Map<UnitKind, Map<String, Cause>> batch) {
        if (deal.unitCode() == null) {
            return;
        }
        String source = "D:" + deal.dealId();
        for (String former : deal.formerUnits()) {
            if (tallies.put(period, former, source, Contribution.NONE)) {
                rerank(period, former, cause, batch);
            }
        }
        if (tallies.put(period, deal.unitCode(), source, deal.contribution())) {
            rerank(period, deal.unitCode(), cause, batch);
        }
    }

    private void rerank(YearMonth period, String unitCode, Cause cause, Map<UnitKind, Map<String, Cause>> batch) {
        Optional<UnitDirectory.Unit> unit = units.find(unitCode);
        if (unit.isEmpty()) {
            return; // ranked once the registry's unit event arrives
        }
        if (batch != null) {
            batch.computeIfAbsent(unit.get().kind(), k -> new HashMap<>()).merge(unitCode, cause,
                    (a, b) -> new Cause("SWEEP", a.label().endsWith("等") ? a.label() : a.label() + "等"));
            return;
        }
        rankingUpdates.moved(period, unit.get().kind(), unitCode, cause,
                gov.keyproject.platform.outbox.EventContext.current().acceptedAt());
    }

    private static String dealWhat(EventEnvelope event) {
        String type = event.type();
        String name = type.substring(type.lastIndexOf('.', type.length() - 4) + 1, type.length() - 3);
        return switch (name) {
            case "DealSigned" -> "签约";
            case "FundsArrived" -> "资金到位";
            case "DealTerminated" -> "终止";
            case "PaperProjectFlagged" -> "列为纸上项目";
            case "PaperProjectCleared" -> "解除纸上项目";
            case "DealStageChanged" -> "阶段变更";
            default -> null;
        };
    }
}
