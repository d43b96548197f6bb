package gov.keyproject.promotion.deal;

import gov.keyproject.contracts.DomainEvent;
import gov.keyproject.contracts.project.ProjectCategory;
import gov.keyproject.contracts.promotion.DealChanged;
import gov.keyproject.contracts.promotion.DealLanded;
import gov.keyproject.contracts.promotion.DealRegistered;
import gov.keyproject.contracts.promotion.DealSigned;
import gov.keyproject.contracts.promotion.DealSnapshot;
import gov.keyproject.contracts.promotion.DealStage;
import gov.keyproject.contracts.promotion.DealStageChanged;
import gov.keyproject.contracts.promotion.DealTerminated;
import gov.keyproject.contracts.promotion.FundsArrived;
import gov.keyproject.contracts.promotion.PaperProjectCleared;
import gov.keyproject.contracts.promotion.PaperProjectFlagged;
import gov.keyproject.promotion.deal.DealState.FundArrival;
import gov.keyproject.promotion.deal.DealState.Signing;
import gov.keyproject.promotion.deal.DealState.Termination;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A promotion deal (招商项目 / 线索), DOMAIN §4: immutable; every command returns a {@link Change} with the deal after
 * it, the events it causes and what to write in the trail. Spring-free domain code.
 *
 * <p>Dates: every stage date must be on or after the date of the stage before it (starting with the registration
 * date), not after today and not before 2000. {@code today} comes from the caller's clock.
 */
public final class Deal {

    /** Deal ids: upper-case letters, digits and dashes, 4–37 characters (so {@code ZS-<id>} is a valid project code). */
    public static final Pattern ID = Pattern.compile("[A-Z0-9][A-Z0-9-]{3,36}");
    /** Project codes, as in the registry: upper-case letters, digits and dashes, 4–40 characters. */
    public static final Pattern PROJECT_CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{3,39}");

    private final DealState state;

    public Deal(DealState state) {
        this.state = Objects.requireNonNull(state);
    }

    /** What a command did: the deal after it, its events, and the trail entry (action, field → [from, to]). */
    public record Change(Deal after, List<DomainEvent> events, String action, Map<String, Object[]> diff) {
        public Change {
            events = List.copyOf(events);
            diff = Collections.unmodifiableMap(new LinkedHashMap<>(diff));
        }

        public boolean isEmpty() {
            return events.isEmpty();
        }
    }

    /** The project code the registry derives for a deal landed without a known filing code. */
    public static String derivedProjectCode(String dealId) {
        return "ZS-" + dealId;
    }

    // ---------------------------------------------------------------------------------------------------- commands

    /**
     * Registers a deal in stage 在谈. {@code registeredOn} (null = today) may lie in the past to enter a deal whose
     * talks began before it was recorded.
     */
    public static Change register(String id, DealDetails details, LocalDate registeredOn, LocalDate today) {
        Objects.requireNonNull(today, "today");
        if (id == null || !ID.matcher(id).matches()) {
            throw new DealRuleViolation("id", "招商项目编号须为 4–37 位大写字母、数字或连字符");
        }
        if (details == null) {
            throw new DealRuleViolation("details", "不能为空");
        }
        DealDetails valid = details.validated();
        LocalDate on = Texts.pastDate("registeredOn", registeredOn == null ? today : registeredOn, today, null, null);
        Map<DealStage, LocalDate> reached = new EnumMap<>(DealStage.class);
        reached.put(DealStage.NEGOTIATING, on);
        Deal d = new Deal(new DealState(id, valid, DealStage.NEGOTIATING, on, reached, null, List.of(), null, null,
                null, null));
        return new Change(d, List.of(new DealRegistered(d.snapshot())), "登记招商项目", Map.of());
    }

    /** Changes the details (allowed in every stage); an unchanged request is an empty change. */
    public Change update(DealDetails details) {
        if (details == null) {
            throw new DealRuleViolation("details", "不能为空");
        }
        DealDetails valid = details.validated();
        Map<String, Object[]> diff = diff(state.details(), valid);
        if (diff.isEmpty()) {
            return new Change(this, List.of(), "修改招商项目信息", diff);
        }
        Deal d = with(valid, state.stage(), state.reached(), state.signing(), state.funds(), state.termination(),
                state.projectCode(), state.paperFlaggedOn(), state.paperClearedOn());
        return new Change(d, List.of(new DealChanged(d.snapshot(), List.copyOf(diff.keySet()))), "修改招商项目信息",
                diff);
    }

    /** 签约: from 在谈, recording the agreed amount (协议投资额, 万元, &gt; 0) and the signing date. */
    public Change sign(BigDecimal agreedAmount, LocalDate signedOn, LocalDate today) {
        DealStages.checkMove(state.stage(), DealStage.SIGNED);
        BigDecimal amount = Texts.positiveAmount("agreedAmount", agreedAmount);
        LocalDate on = stageDate("signedOn", signedOn, today);
        Signing signing = new Signing(amount, on);
        Deal d = moved(DealStage.SIGNED, on, signing, state.termination(), state.projectCode(), state.paperFlaggedOn(),
                state.paperClearedOn());
        Map<String, Object[]> diff = stageDiff(DealStage.SIGNED);
        diff.put("signing.agreedAmount", new Object[]{null, amount});
        diff.put("signing.signedOn", new Object[]{null, on});
        return new Change(d, List.of(stageChanged(d, DealStage.SIGNED, on),
                new DealSigned(id(), unitCode(), amount, on)), "签约", diff);
    }

    /** 资金到位: one instalment, once signed and while not terminated; the total may exceed the agreed amount. */
    public Change recordFunds(LocalDate arrivedOn, BigDecimal amount, LocalDate today) {
        if (state.signing() == null || state.stage() == DealStage.TERMINATED) {
            throw new DealRuleViolation("stage", "招商项目处于" + state.stage().label() + "阶段，不能登记资金到位");
        }
        BigDecimal a = Texts.positiveAmount("amount", amount);
        LocalDate on = Texts.pastDate("arrivedOn", arrivedOn, today, state.signing().signedOn(), "签约日期");
        List<FundArrival> funds = new ArrayList<>(state.funds());
        funds.add(new FundArrival(on, a));
        BigDecimal before = fundsArrived();
        Deal d = with(state.details(), state.stage(), state.reached(), state.signing(), funds, state.termination(),
                state.projectCode(), state.paperFlaggedOn(), state.paperClearedOn());
        Map<String, Object[]> diff = new LinkedHashMap<>();
        diff.put("fundsArrived", new Object[]{before, d.fundsArrived()});
        return new Change(d, List.of(new FundsArrived(id(), unitCode(), on, a, d.fundsArrived(),
                state.signing().agreedAmount())), "资金到位 " + a.toPlainString() + " 万元", diff);
    }

    /** 落地 with the default project name and category and no planned dates. */
    public Change land(LocalDate landedOn, String projectCode, LocalDate today) {
        return land(Landing.on(landedOn, projectCode), today);
    }

    /**
     * 落地: from 签约. Links the deal to its registry project (the given filing code, else {@code ZS-<id>}) and
     * publishes the contract's {@link DealLanded}, on which the registry creates the project (phase READY) once.
     * A paper-project flag is cleared.
     */
    public Change land(Landing landing, LocalDate today) {
        DealStages.checkMove(state.stage(), DealStage.LANDED);
        if (landing == null) {
            throw new DealRuleViolation("landedOn", "不能为空");
        }
        LocalDate on = stageDate("landedOn", landing.landedOn(), today);
        String code = Texts.optional("projectCode", landing.projectCode(), 40);
        if (code != null && !PROJECT_CODE.matcher(code).matches()) {
            throw new DealRuleViolation("projectCode", "项目代码须为 4–40 位大写字母、数字或连字符");
        }
        code = code == null ? derivedProjectCode(id()) : code;
        String name = Texts.optional("projectName", landing.projectName(), 100);
        name = name == null ? state.details().company() + state.details().industry() + "项目" : name;
        ProjectCategory category = landing.category() == null ? ProjectCategory.INDUSTRIAL : landing.category();
        checkPlanned("plannedStart", landing.plannedStart());
        checkPlanned("plannedCompletion", landing.plannedCompletion());
        if (landing.plannedStart() != null && landing.plannedCompletion() != null
                && landing.plannedCompletion().isBefore(landing.plannedStart())) {
            throw new DealRuleViolation("plannedCompletion", "计划竣工日期不能早于计划开工日期");
        }
        boolean flagged = paperProject();
        Deal d = moved(DealStage.LANDED, on, state.signing(), state.termination(), code, state.paperFlaggedOn(),
                flagged ? today : state.paperClearedOn());
        List<DomainEvent> events = new ArrayList<>();
        events.add(stageChanged(d, DealStage.LANDED, on));
        events.add(new DealLanded(id(), code, name, state.details().company(), state.details().industry(), category,
                unitCode(), state.signing().agreedAmount(), on, landing.plannedStart(), landing.plannedCompletion()));
        Map<String, Object[]> diff = stageDiff(DealStage.LANDED);
        diff.put("projectCode", new Object[]{null, code});
        if (flagged) {
            events.add(cleared(today, DealStage.LANDED));
            diff.put("paperProject", new Object[]{true, false});
        }
        return new Change(d, events, "落地", diff);
    }

    /** 开工: from 落地, when the linked project moves to UNDER_CONSTRUCTION. */
    public Change start(LocalDate startedOn, LocalDate today) {
        DealStages.checkMove(state.stage(), DealStage.STARTED);
        LocalDate on = stageDate("startedOn", startedOn, today);
        Deal d = moved(DealStage.STARTED, on, state.signing(), state.termination(), state.projectCode(),
                state.paperFlaggedOn(), state.paperClearedOn());
        return new Change(d, List.of(stageChanged(d, DealStage.STARTED, on)), "开工", stageDiff(DealStage.STARTED));
    }

    /** 投产: from 开工, when the linked project moves to IN_PRODUCTION. */
    public Change produce(LocalDate producingOn, LocalDate today) {
        DealStages.checkMove(state.stage(), DealStage.PRODUCING);
        LocalDate on = stageDate("producingOn", producingOn, today);
        Deal d = moved(DealStage.PRODUCING, on, state.signing(), state.termination(), state.projectCode(),
                state.paperFlaggedOn(), state.paperClearedOn());
        return new Change(d, List.of(stageChanged(d, DealStage.PRODUCING, on)), "投产",
                stageDiff(DealStage.PRODUCING));
    }

    /** 终止: from any stage that is not final, with a reason. A paper-project flag is cleared. */
    public Change terminate(LocalDate terminatedOn, String reason, LocalDate today) {
        DealStages.checkMove(state.stage(), DealStage.TERMINATED);
        LocalDate on = stageDate("terminatedOn", terminatedOn, today);
        String why = Texts.required("reason", reason, 200);
        boolean flagged = paperProject();
        Termination termination = new Termination(on, why);
        Deal d = moved(DealStage.TERMINATED, on, state.signing(), termination, state.projectCode(),
                state.paperFlaggedOn(), flagged ? today : state.paperClearedOn());
        List<DomainEvent> events = new ArrayList<>();
        events.add(stageChanged(d, DealStage.TERMINATED, on));
        events.add(new DealTerminated(id(), unitCode(), state.stage(), on, why));
        Map<String, Object[]> diff = stageDiff(DealStage.TERMINATED);
        diff.put("termination.reason", new Object[]{null, why});
        if (flagged) {
            events.add(cleared(today, DealStage.TERMINATED));
            diff.put("paperProject", new Object[]{true, false});
        }
        return new Change(d, events, "终止", diff);
    }

    /** Flags the deal as a paper project on {@code day}; used by {@link PaperProjects#sweep}. */
    Change flagPaperProject(LocalDate day) {
        Deal d = with(state.details(), state.stage(), state.reached(), state.signing(), state.funds(),
                state.termination(), state.projectCode(), day, null);
        Map<String, Object[]> diff = new LinkedHashMap<>();
        diff.put("paperProject", new Object[]{false, true});
        return new Change(d, List.of(new PaperProjectFlagged(id(), unitCode(), state.signing().signedOn(), day)),
                "标记纸上项目", diff);
    }

    /** Clears the paper-project flag on {@code day} because the deal reached {@code cause}; see {@link PaperProjects}. */
    Change clearPaperProject(LocalDate day, DealStage cause) {
        Deal d = with(state.details(), state.stage(), state.reached(), state.signing(), state.funds(),
                state.termination(), state.projectCode(), state.paperFlaggedOn(), day);
        Map<String, Object[]> diff = new LinkedHashMap<>();
        diff.put("paperProject", new Object[]{true, false});
        return new Change(d, List.of(cleared(day, cause)), "解除纸上项目", diff);
    }

    // ---------------------------------------------------------------------------------------------------- queries

    public DealState state() {
        return state;
    }

    public String id() {
        return state.id();
    }

    public String unitCode() {
        return state.details().unitCode();
    }

    public DealStage stage() {
        return state.stage();
    }

    /** The date the deal first reached {@code stage}, if it ever did. */
    public Optional<LocalDate> reachedOn(DealStage stage) {
        return Optional.ofNullable(state.reached().get(stage));
    }

    public boolean everReached(DealStage stage) {
        return state.reached().containsKey(stage);
    }

    /** Whether the deal had reached {@code stage} by the end of {@code day}. */
    public boolean reachedBy(DealStage stage, LocalDate day) {
        LocalDate on = state.reached().get(stage);
        return on != null && !on.isAfter(day);
    }

    /** The stage the deal was in at the end of {@code day}; empty if it was not registered yet. */
    public Optional<DealStage> stageOn(LocalDate day) {
        if (reachedBy(DealStage.TERMINATED, day)) {
            return Optional.of(DealStage.TERMINATED);
        }
        DealStage at = null;
        for (DealStage s : DealStages.PATH) {
            if (reachedBy(s, day)) {
                at = s;
            }
        }
        return Optional.ofNullable(at);
    }

    public Optional<LocalDate> landedOn() {
        return reachedOn(DealStage.LANDED);
    }

    /** Sum of all instalments (资金到位), 万元. */
    public BigDecimal fundsArrived() {
        return fundsArrivedBy(LocalDate.MAX);
    }

    /** Sum of the instalments that arrived by the end of {@code day}, 万元. */
    public BigDecimal fundsArrivedBy(LocalDate day) {
        return state.funds().stream().filter(f -> !f.arrivedOn().isAfter(day)).map(FundArrival::amount)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    /** Whether the deal is currently flagged as a paper project (纸上项目). */
    public boolean paperProject() {
        return state.paperFlaggedOn() != null && state.paperClearedOn() == null;
    }

    public DealSnapshot snapshot() {
        DealDetails d = state.details();
        Signing s = state.signing();
        Termination t = state.termination();
        return new DealSnapshot(id(), d.company(), d.industry(), d.source().kind(), d.source().fairName(),
                d.intendedInvestment(), d.unitCode(), state.stage(), state.registeredOn(), state.reached(),
                s == null ? null : s.agreedAmount(), s == null ? null : s.signedOn(), fundsArrived(),
                t == null ? null : t.terminatedOn(), t == null ? null : t.reason(), state.projectCode(),
                paperProject());
    }

    @Override
    public String toString() {
        return "Deal[" + id() + " " + stage() + "]";
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    /** A stage date: present, not after today, not before 2000, not before the latest stage the deal reached. */
    private LocalDate stageDate(String field, LocalDate value, LocalDate today) {
        Objects.requireNonNull(today, "today");
        DealStage last = null;
        LocalDate lastOn = null;
        for (Map.Entry<DealStage, LocalDate> e : state.reached().entrySet()) {
            if (lastOn == null || !e.getValue().isBefore(lastOn)) {
                last = e.getKey();
                lastOn = e.getValue();
            }
        }
        return Texts.pastDate(field, value, today, lastOn, last == null ? null : last.label() + "日期");
    }

    private static void checkPlanned(String field, LocalDate date) {
        if (date != null && (date.getYear() < 2000 || date.getYear() > 2100)) {
            throw new DealRuleViolation(field, "日期须在 2000–2100 年之间");
        }
    }

    private Deal moved(DealStage target, LocalDate on, Signing signing, Termination termination, String projectCode,
                       LocalDate paperFlaggedOn, LocalDate paperClearedOn) {
        Map<DealStage, LocalDate> reached = new EnumMap<>(state.reached());
        reached.put(target, on);
        return with(state.details(), target, reached, signing, state.funds(), termination, projectCode,
                paperFlaggedOn, paperClearedOn);
    }

    private Deal with(DealDetails details, DealStage stage, Map<DealStage, LocalDate> reached, Signing signing,
                      List<FundArrival> funds, Termination termination, String projectCode,
                      LocalDate paperFlaggedOn, LocalDate paperClearedOn) {
        return new Deal(new DealState(state.id(), details, stage, state.registeredOn(), reached, signing, funds,
                termination, projectCode, paperFlaggedOn, paperClearedOn));
    }

    private Map<String, Object[]> stageDiff(DealStage target) {
        Map<String, Object[]> diff = new LinkedHashMap<>();
        diff.put("stage", new Object[]{state.stage(), target});
        return diff;
    }

    private DealStageChanged stageChanged(Deal after, DealStage target, LocalDate on) {
        return new DealStageChanged(after.snapshot(), state.stage(), target, on);
    }

    private PaperProjectCleared cleared(LocalDate day, DealStage cause) {
        return new PaperProjectCleared(id(), unitCode(), state.paperFlaggedOn(), day, cause);
    }

    private static Map<String, Object[]> diff(DealDetails a, DealDetails b) {
        Map<String, Object[]> d = new LinkedHashMap<>();
        put(d, "company", a.company(), b.company());
        put(d, "industry", a.industry(), b.industry());
        put(d, "source", a.source(), b.source());
        put(d, "intendedInvestment", a.intendedInvestment(), b.intendedInvestment());
        put(d, "unitCode", a.unitCode(), b.unitCode());
        put(d, "contacts", a.contacts(), b.contacts());
        return d;
    }

    private static void put(Map<String, Object[]> d, String field, Object from, Object to) {
        boolean same = from instanceof BigDecimal x && to instanceof BigDecimal y ? x.compareTo(y) == 0
                : Objects.equals(from, to);
        if (!same) {
            d.put(field, new Object[]{from, to});
        }
    }
}
