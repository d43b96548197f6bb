package gov.keyproject.devstack;

import gov.keyproject.platform.security.DevTokens;
import gov.keyproject.platform.security.Role;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * 演示县: loads a fictional county (安澜县) through the services' public HTTP APIs only, as its offices would enter it:
 * 25 units in three sequences, 120 key projects with plans, milestones, phases and this year's monthly reports,
 * 30 招商 deals in every stage, and the statistics bureau's 入库 file. About a quarter of the projects lag, so
 * assessment shows red and yellow warnings, notices and a ranking with something to say.
 *
 * <p>Deterministic: the county is generated from a fixed seed and "today", so two loads on the same day give the same
 * county. {@link #load()} does nothing when the registry already has units.
 *
 * <p>Order matters downstream: each project is registered without this year's planned investment (so assessment
 * does not count or colour it yet), then gets its milestones, phases, reports and 入库 amounts, and only then its
 * annual plan. Otherwise assessment would colour half-entered projects red on the way and issue notices that stay
 * open after the data is complete.
 *
 * <p>Runnable alone: {@code java -cp infra/devstack/target/devstack.jar gov.keyproject.devstack.DemoCounty
 * <registryUrl> <statisticsUrl> <promotionUrl> <keysDir> [today]}. For colours and rankings in the current
 * assessment period the registry must run on a day of that period while loading ({@link #registrationDay}); the local
 * stack arranges that on a fresh start.
 */
public final class DemoCounty {

    static final long SEED = 20_260_101L;
    static final String COUNTY = "安澜县";
    /** The services' zone for "today" (keyproject.zone). */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** Modest: the services share a small machine with the broker and the store. */
    private static final int THREADS = 4;
    private static final Duration TOKEN_TTL = Duration.ofHours(2);

    /** What a load did; {@code skipped} when the registry already had units. */
    public record Summary(boolean skipped, int units, int projects, int reports, int deals, int landed, int entries,
                          double seconds) {
        public String line() {
            if (skipped) {
                return "演示县未加载：项目库已有单位数据 (demo county skipped: the registry already has units)";
            }
            return ("演示县%s已加载 (demo county loaded): %d 个单位 units, %d 个项目 projects (+%d 招商落地 landed), "
                    + "%d 条月报 reports, %d 个招商项目 deals, %d 条入库 entries, 用时 %.1f s")
                    .formatted(COUNTY, units, projects, landed, reports, deals, entries, seconds);
        }
    }

    /** A call answered with a non-2xx status, or a service that did not do what the loader needs. */
    public static final class LoadFailed extends RuntimeException {
        LoadFailed(String message) {
            super(message);
        }
    }

    private final ApiClient registry;
    private final ApiClient statistics;
    private final ApiClient promotion;
    private final DevTokens tokens;
    private final Consumer<String> out;
    private final String operator;
    private final String feed;
    private final County county;

    public DemoCounty(String registryUrl, String statisticsUrl, String promotionUrl, DevTokens tokens) {
        this(registryUrl, statisticsUrl, promotionUrl, tokens, LocalDate.now(ZONE), System.out::println);
    }

    /** {@code today}: the day the assessment and statistics services are on; every generated date is relative to it. */
    public DemoCounty(String registryUrl, String statisticsUrl, String promotionUrl, DevTokens tokens,
                      LocalDate today, Consumer<String> out) {
        this.registry = new ApiClient(registryUrl);
        this.statistics = new ApiClient(statisticsUrl);
        this.promotion = new ApiClient(promotionUrl);
        this.tokens = tokens;
        this.out = out;
        this.operator = tokens.mint("demo-county-loader", null, List.of(Role.OPERATOR), TOKEN_TTL);
        this.feed = tokens.mint("demo-county-statistics-bureau", null, List.of(Role.STATISTICS_FEED), TOKEN_TTL);
        this.county = new Planner(today).county();
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4 || args.length > 5) {
            System.err.println("usage: DemoCounty <registryUrl> <statisticsUrl> <promotionUrl> <keysDir> [today]");
            System.exit(2);
        }
        Path keys = Path.of(args[3]);
        if (!Files.exists(keys.resolve("jwt-private.pem"))) {
            System.err.println("在 " + keys + " 找不到 jwt-private.pem (no signing key: pass the stack's data/keys)");
            System.exit(2);
        }
        LocalDate today = args.length == 5 ? LocalDate.parse(args[4]) : LocalDate.now(ZONE);
        Summary summary = new DemoCounty(args[0], args[1], args[2], DevTokens.inDirectory(keys), today,
                System.out::println).load();
        System.exit(summary.skipped() ? 3 : 0);
    }

    /**
     * The day the registry should be on while the county is loaded: the last day of the assessment period p(D). A
     * project counts in a period only if registered by its last day (DOMAIN §3), and the registry registers on its own
     * today; on D itself the new county would stay uncoloured and unranked until next month.
     */
    public static LocalDate registrationDay(LocalDate today) {
        return YearMonth.from(today).minusMonths(1).atEndOfMonth();
    }

    /**
     * Why the local stack should not load the demo county, or null when it should: {@code KEYPROJECT_DEMO=off} or a
     * {@code --empty} program argument.
     */
    public static String disabledBy(String[] args, Map<String, String> env) {
        for (String a : args) {
            if ("--empty".equals(a)) {
                return "--empty";
            }
        }
        String v = env.get("KEYPROJECT_DEMO");
        return v != null && v.strip().equalsIgnoreCase("off") ? "KEYPROJECT_DEMO=off" : null;
    }

    /**
     * The colour assessment should give each coloured project once everything is delivered, by the DOMAIN §5 rules
     * applied to what this loader enters, assuming the registry registered the projects within the assessment period
     * (its clock on a day of that month, e.g. {@link #registrationDay}).
     */
    public Map<String, String> intendedColours() {
        Map<String, String> colours = new TreeMap<>();
        for (ProjectSpec p : county.projects()) {
            String c = p.intendedColour();
            if (c != null) {
                colours.put(p.code(), c);
            }
        }
        return colours;
    }

    /** Unit codes by kind (TOWNSHIP, DEPARTMENT, DEVELOPMENT_ZONE). */
    public Map<String, List<String>> unitsByKind() {
        Map<String, List<String>> byKind = new LinkedHashMap<>();
        county.units().forEach(u -> byKind.computeIfAbsent(u.kind(), k -> new ArrayList<>()).add(u.code()));
        return byKind;
    }

    /** Loads the county unless the registry already has units. Fails loudly on any refused call. */
    public Summary load() {
        long t0 = System.nanoTime();
        JsonNode existing = ok(registry.get("/api/v1/units", operator), "查询单位 GET /api/v1/units").json();
        if (!existing.isEmpty()) {
            Summary skipped = new Summary(true, existing.size(), 0, 0, 0, 0, 0, 0);
            say(skipped.line());
            return skipped;
        }
        say("加载演示县 %s (%s) …  loading the demo county (assessment period %s)".formatted(COUNTY,
                county.today(), county.period()));

        say("  登记责任单位 %d 个 …  registering units".formatted(county.units().size()));
        parallel(county.units(), u -> ok(registry.post("/api/v1/units", operator,
                Map.of("code", u.code(), "name", u.name(), "kind", u.kind())), "登记单位 " + u.code()));

        say("  登记项目 %d 个（台账、时间节点、前期手续、阶段）…  registering projects with milestones and phases"
                .formatted(county.projects().size()));
        parallel(county.projects(), this::register);

        // 入库 first: statistics publishes each amount to assessment, which must have it before the plan counts.
        List<String> feedRows = feedRows();
        say("  统计局上传入库数据 %d 行 …  the statistics bureau uploads its 入库 file".formatted(feedRows.size()));
        awaitKnownToStatistics();
        String job = uploadFeed(feedRows);

        say("  登记招商项目 %d 个（签约、资金到位、落地、终止）…  registering deals".formatted(county.deals().size()));
        parallel(county.deals(), this::deal);

        int reports = fileReports();
        awaitFeedJob(job, feedRows.size());

        say("  下达年度计划投资 …  setting this year's planned investment (projects now count)");
        parallel(county.projects(), this::plan);

        startLandedProjects();
        List<String> paper = new ArrayList<>();
        ok(promotion.post("/api/v1/deals/paper-sweep", operator, Map.of()), "纸上项目排查").json()
                .forEach(id -> paper.add(id.asString()));
        say("  纸上项目排查：%d 个 …  paper-project sweep flagged %s".formatted(paper.size(), paper));

        int landed = (int) county.deals().stream().filter(d -> d.landedOn() != null).count();
        Summary summary = new Summary(false, county.units().size(), county.projects().size(), reports,
                county.deals().size(), landed, feedRows.size(), (System.nanoTime() - t0) / 1e9);
        say(summary.line());
        return summary;
    }

    // ------------------------------------------------------------------------------------------------ the calls

    private void register(ProjectSpec p) {
        Map<String, Object> body = new LinkedHashMap<>(p.data());
        body.put("plannedInvestment", p.plannedWithoutThisYear());
        body.put("code", p.code());
        body.put("phase", p.initialPhase());
        if (p.startDate() != null) {
            body.put("startDate", p.startDate().toString());
        }
        ok(registry.post("/api/v1/projects", operator, body), "登记项目 " + p.code());
        for (MilestoneSpec m : p.milestones()) {
            Map<String, Object> dates = new LinkedHashMap<>();
            dates.put("plannedDate", m.planned() == null ? null : m.planned().toString());
            dates.put("actualDate", m.actual() == null ? null : m.actual().toString());
            ok(registry.put("/api/v1/projects/" + p.code() + "/milestones/" + m.kind(), operator, dates),
                    "时间节点 " + p.code() + " " + m.kind());
        }
        p.approvals().forEach((kind, status) -> ok(registry.put("/api/v1/projects/" + p.code() + "/approvals/"
                + kind, operator, Map.of("status", status)), "前期手续 " + p.code() + " " + kind));
        for (PhaseMove move : p.moves()) {
            ok(registry.post("/api/v1/projects/" + p.code() + "/phase", operator,
                    Map.of("phase", move.phase(), "on", move.on().toString())), "阶段变更 " + p.code());
        }
    }

    private void plan(ProjectSpec p) {
        if (p.plannedWithoutThisYear().equals(p.planned())) {
            return; // nothing planned this year: it stays uncounted
        }
        Map<String, Object> body = new LinkedHashMap<>(p.data());
        body.put("plannedInvestment", p.planned());
        ok(registry.put("/api/v1/projects/" + p.code(), operator, body), "年度计划 " + p.code());
    }

    /** One batch per month: each holds a project at most once, so the registry writes it in one round. */
    private int fileReports() {
        Map<YearMonth, List<Map<String, Object>>> byMonth = new TreeMap<>();
        for (ProjectSpec p : county.projects()) {
            for (ReportSpec r : p.reports()) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("projectCode", p.code());
                item.put("period", r.period().toString());
                item.put("investmentCompleted", r.amount());
                item.put("workUnderWay", r.underWay());
                item.put("imageProgress", r.image());
                item.put("imageProgressPercent", r.percent());
                if (!r.problems().isEmpty()) {
                    item.put("problems", r.problems());
                }
                byMonth.computeIfAbsent(r.period(), k -> new ArrayList<>()).add(item);
            }
        }
        int total = byMonth.values().stream().mapToInt(List::size).sum();
        say("  填报月度进度 %d 条（%s 至 %s，批量）…  filing monthly reports in batches".formatted(total,
                byMonth.isEmpty() ? "—" : byMonth.keySet().iterator().next(), county.period()));
        for (Map.Entry<YearMonth, List<Map<String, Object>>> month : byMonth.entrySet()) {
            JsonNode outcomes = ok(registry.post("/api/v1/reports/batch", operator,
                    Map.of("reports", month.getValue())), "批量填报 " + month.getKey()).json();
            for (JsonNode o : outcomes) {
                String status = o.path("status").asString();
                if (!"FILED".equals(status) && !"CORRECTED".equals(status) && !"UNCHANGED".equals(status)) {
                    throw new LoadFailed("批量填报 " + month.getKey() + " 有被拒绝的条目 (a report was refused): " + o);
                }
            }
        }
        return total;
    }

    private void deal(DealSpec d) {
        String staff = tokens.mint("promotion-" + d.unit(), d.unit(), List.of(Role.PROMOTION_STAFF), TOKEN_TTL);
        ok(promotion.post("/api/v1/deals", staff, d.registration()), "登记招商项目 " + d.id());
        String base = "/api/v1/deals/" + d.id();
        if (d.signedOn() != null) {
            ok(promotion.post(base + "/signing", staff, Map.of("agreedAmount", d.agreed(),
                    "signedOn", d.signedOn().toString())), "签约 " + d.id());
        }
        for (Funds f : d.funds()) {
            ok(promotion.post(base + "/funds", staff, Map.of("arrivedOn", f.on().toString(), "amount", f.amount())),
                    "资金到位 " + d.id());
        }
        if (d.landedOn() != null) {
            ok(promotion.post(base + "/landing", staff, d.landing()), "落地 " + d.id());
        }
        if (d.terminatedOn() != null) {
            ok(promotion.post(base + "/termination", staff, Map.of("terminatedOn", d.terminatedOn().toString(),
                    "reason", d.terminationReason())), "终止 " + d.id());
        }
    }

    /** Landed deals become registry projects by event; a few of those have started work since. */
    private void startLandedProjects() {
        List<DealSpec> starting = county.deals().stream().filter(d -> d.startedOn() != null).toList();
        if (starting.isEmpty()) {
            return;
        }
        say("  招商落地项目开工 %d 个 …  landed deals' projects start work".formatted(starting.size()));
        for (DealSpec d : starting) {
            String code = (String) d.landing().get("projectCode");
            await("项目库生成落地项目 " + code, Duration.ofSeconds(90),
                    () -> registry.get("/api/v1/projects/" + code, operator).status() == 200);
            ok(registry.post("/api/v1/projects/" + code + "/phase", operator,
                    Map.of("phase", "UNDER_CONSTRUCTION", "on", d.startedOn().toString())), "落地项目开工 " + code);
        }
    }

    private List<String> feedRows() {
        List<String> rows = new ArrayList<>();
        for (ProjectSpec p : county.projects()) {
            p.entered().forEach((period, amount) -> rows.add(p.code() + "," + period + "," + amount.toPlainString()));
        }
        return rows;
    }

    /** Statistics refuses 入库 rows for codes it has not heard of from the registry yet. */
    private void awaitKnownToStatistics() {
        Set<String> wanted = new HashSet<>();
        county.projects().stream().filter(p -> !p.entered().isEmpty()).forEach(p -> wanted.add(p.code()));
        await("统计服务收到全部项目", Duration.ofSeconds(120), () -> {
            Set<String> known = new HashSet<>();
            ok(statistics.get("/api/v1/figures/projects", operator), "统计项目列表").json()
                    .forEach(p -> known.add(p.path("code").asString()));
            return known.containsAll(wanted);
        });
    }

    private String uploadFeed(List<String> rows) {
        StringBuilder csv = new StringBuilder("项目代码,统计期,入库金额(万元)\n");
        rows.forEach(r -> csv.append(r).append('\n'));
        String boundary = "demo-county-" + SEED;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + "入库数据-" + county.period() + ".csv\"\r\nContent-Type: text/csv\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(csv.toString().getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        JsonNode job = ok(statistics.send("POST", "/api/v1/feed/files", feed, body.toByteArray(),
                "multipart/form-data; boundary=" + boundary), "上传入库文件").json();
        return job.path("id").asString();
    }

    private void awaitFeedJob(String id, int rows) {
        JsonNode[] last = new JsonNode[1];
        await("入库任务 " + id + " 完成", Duration.ofSeconds(120), () -> {
            last[0] = ok(statistics.get("/api/v1/feed/jobs/" + id, feed), "入库任务 " + id).json();
            return !"RUNNING".equals(last[0].path("status").asString());
        });
        JsonNode j = last[0];
        if (!"DONE".equals(j.path("status").asString()) || j.path("failed").asInt() != 0
                || j.path("rows").asInt() != rows) {
            throw new LoadFailed("入库任务未全部成功 (the 入库 file was not applied in full): " + j);
        }
    }

    private static ApiClient.Response ok(ApiClient.Response r, String what) {
        if (r.status() / 100 != 2) {
            throw new LoadFailed(what + " → HTTP " + r.status() + ": " + r.body());
        }
        return r;
    }

    private static void await(String what, Duration timeout, java.util.function.BooleanSupplier done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new LoadFailed("等待超时 (timed out after " + timeout.toSeconds() + " s): " + what);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LoadFailed("interrupted while waiting: " + what);
            }
        }
    }

    /** Runs {@code task} for every item on a few threads; the first failure stops the load. */
    private static <T> void parallel(List<T> items, Consumer<T> task) {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> task.accept(item)));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    throw new LoadFailed(String.valueOf(e.getCause()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new LoadFailed("interrupted");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void say(String line) {
        out.accept(line);
    }

    // --------------------------------------------------------------------------------------------- the county

    record County(LocalDate today, YearMonth period, List<UnitSpec> units, List<ProjectSpec> projects,
                  List<DealSpec> deals) {
    }

    record UnitSpec(String code, String name, String kind, String seat, String shortName, String leader,
                    List<String> themes) {
    }

    record MilestoneSpec(String kind, LocalDate planned, LocalDate actual) {
    }

    record PhaseMove(String phase, LocalDate on) {
    }

    record ReportSpec(YearMonth period, BigDecimal amount, boolean underWay, String image, int percent,
                      List<Map<String, Object>> problems) {
    }

    record Funds(LocalDate on, BigDecimal amount) {
    }

    /**
     * One project as the loader enters it; {@code data} is the ledger body without the planned investment,
     * {@code planned} the full plan (year → 万元), {@code year} the assessment period's year.
     */
    record ProjectSpec(String code, Map<String, Object> data, Map<String, BigDecimal> planned, int year,
                       String initialPhase, String finalPhase, boolean isNew, LocalDate plannedStart,
                       LocalDate startDate, List<PhaseMove> moves, List<MilestoneSpec> milestones,
                       Map<String, String> approvals, List<ReportSpec> reports, Map<YearMonth, BigDecimal> entered,
                       LocalDate today) {

        Map<String, BigDecimal> plannedWithoutThisYear() {
            Map<String, BigDecimal> m = new TreeMap<>(planned);
            m.remove(Integer.toString(year));
            return m;
        }

        BigDecimal plannedThisYear() {
            return planned.getOrDefault(Integer.toString(year), BigDecimal.ZERO);
        }

        /** DOMAIN §5 on this loader's data (default thresholds); null when the project is not coloured. */
        String intendedColour() {
            YearMonth p = YearMonth.from(today).minusMonths(1);
            boolean active = List.of("PREPARATION", "READY", "UNDER_CONSTRUCTION").contains(finalPhase);
            if (plannedThisYear().signum() <= 0 || !active) {
                return null;
            }
            int level = 0; // 0 green, 1 yellow, 2 red
            boolean started = startDate != null && !startDate.isAfter(today);
            if (isNew && !started && plannedStart != null) {
                level = Math.max(level, byDays(ChronoUnit.DAYS.between(plannedStart, today)));
            }
            for (MilestoneSpec m : milestones) {
                if (!"START".equals(m.kind()) && m.actual() == null && m.planned() != null) {
                    level = Math.max(level, byDays(ChronoUnit.DAYS.between(m.planned(), today)));
                }
            }
            Map<YearMonth, BigDecimal> reported = new TreeMap<>();
            reports.forEach(r -> reported.put(r.period(), r.amount()));
            if (started && p.getMonthValue() >= 4) {
                BigDecimal c = BigDecimal.ZERO;
                for (int m = 1; m <= p.getMonthValue(); m++) {
                    c = c.add(reported.getOrDefault(YearMonth.of(p.getYear(), m), BigDecimal.ZERO));
                }
                BigDecimal twelveP = plannedThisYear().multiply(BigDecimal.valueOf(12));
                BigDecimal lhs = BigDecimal.valueOf(100).multiply(c.multiply(BigDecimal.valueOf(12))
                        .subtract(BigDecimal.valueOf(p.getMonthValue()).multiply(plannedThisYear())));
                if (lhs.compareTo(BigDecimal.valueOf(-30).multiply(twelveP)) < 0) {
                    level = 2;
                } else if (lhs.compareTo(BigDecimal.valueOf(-10).multiply(twelveP)) <= 0) {
                    level = Math.max(level, 1);
                }
            }
            // 漏报 counts for q only if the project was registered by q's end: registered within p, so only q = p.
            YearMonth q = p.plusMonths(1).atDay(5).isBefore(today) ? p : p.minusMonths(1);
            if (q.equals(p) && !reported.containsKey(q)) {
                level = 2;
            }
            if (started) {
                boolean lagging = true;
                for (YearMonth m : List.of(p.minusMonths(1), p.minusMonths(2))) {
                    if (reported.getOrDefault(m, BigDecimal.ZERO).signum() <= 0
                            || entered.getOrDefault(m, BigDecimal.ZERO).signum() != 0) {
                        lagging = false;
                    }
                }
                if (lagging) {
                    level = Math.max(level, 1);
                }
            }
            return List.of("GREEN", "YELLOW", "RED").get(level);
        }

        private static int byDays(long days) {
            return days >= 31 ? 2 : days >= 1 ? 1 : 0;
        }
    }

    record DealSpec(String id, String unit, Map<String, Object> registration, BigDecimal agreed, LocalDate signedOn,
                    List<Funds> funds, LocalDate landedOn, Map<String, Object> landing, LocalDate startedOn,
                    LocalDate terminatedOn, String terminationReason) {
    }

    /** How a project is doing, chosen per project so that about a quarter lag in one way or another. */
    enum Profile {
        ON_TRACK, BEHIND_YELLOW, BEHIND_RED, MILESTONE_LATE_YELLOW, MILESTONE_LATE_RED, REPORT_MISSING,
        ENTRY_LAGGING, NOT_STARTED_YELLOW, NOT_STARTED_RED, PLANNING, COMPLETED, PRODUCING;
    }

    /** Generates the county from the seed and today. Pure: no calls. */
    static final class Planner {

        private final Random rnd = new Random(SEED);
        private final LocalDate today;
        private final YearMonth period;
        private final int year;
        private final int month;
        /**
         * Actual dates (starts, completions, milestones done) are no later than the end of the month before the
         * assessment period: the registry refuses dates after its own today, which in tests is within that period.
         */
        private final LocalDate cap;
        private final YearMonth due;

        Planner(LocalDate today) {
            this.today = today;
            this.period = YearMonth.from(today).minusMonths(1);
            this.year = period.getYear();
            this.month = period.getMonthValue();
            this.cap = period.atDay(1).minusDays(1);
            this.due = period.plusMonths(1).atDay(5).isBefore(today) ? period : period.minusMonths(1);
        }

        County county() {
            List<UnitSpec> units = units();
            List<ProjectSpec> projects = new ArrayList<>();
            List<Profile> profiles = profiles();
            Map<String, Integer> serial = new TreeMap<>();
            Set<String> names = new HashSet<>();
            int i = 0;
            for (UnitSpec u : units) {
                int count = switch (u.kind()) {
                    case "TOWNSHIP" -> 5;
                    case "DEPARTMENT" -> 4;
                    default -> 6;
                };
                List<String[]> pool = new ArrayList<>();
                for (String theme : u.themes()) {
                    for (String core : THEMES.get(theme)) {
                        pool.add(core.split("\\|"));
                    }
                }
                Collections.shuffle(pool, rnd);
                int taken = 0;
                for (String[] core : pool) {
                    if (taken == count) {
                        break;
                    }
                    if (names.add(u.shortName() + core[1])) {
                        projects.add(project(u, core[0], core[1], profiles.get(i++), serial));
                        taken++;
                    }
                }
                if (taken < count) {
                    throw new IllegalStateException("too few project names for " + u.name());
                }
            }
            return new County(today, period, units, List.copyOf(projects), deals(units));
        }

        private List<Profile> profiles() {
            Map<Profile, Integer> counts = new LinkedHashMap<>();
            counts.put(Profile.COMPLETED, 6);
            counts.put(Profile.PRODUCING, 3);
            counts.put(Profile.PLANNING, 8);
            counts.put(Profile.NOT_STARTED_RED, 4);
            counts.put(Profile.NOT_STARTED_YELLOW, 3);
            counts.put(Profile.BEHIND_RED, 5);
            counts.put(Profile.BEHIND_YELLOW, 7);
            counts.put(Profile.MILESTONE_LATE_RED, 2);
            counts.put(Profile.MILESTONE_LATE_YELLOW, 2);
            counts.put(Profile.REPORT_MISSING, 2);
            counts.put(Profile.ENTRY_LAGGING, 3);
            List<Profile> list = new ArrayList<>();
            counts.forEach((p, n) -> {
                for (int k = 0; k < n; k++) {
                    list.add(p);
                }
            });
            while (list.size() < PROJECTS) {
                list.add(Profile.ON_TRACK);
            }
            Collections.shuffle(list, rnd);
            return list;
        }

        private ProjectSpec project(UnitSpec unit, String category, String core, Profile profile,
                                    Map<String, Integer> serial) {
            // Lags by investment need the assessment month to be April or later; 入库 lags need March or later.
            if (month < 4 && (profile == Profile.BEHIND_RED || profile == Profile.BEHIND_YELLOW)) {
                profile = Profile.ON_TRACK;
            }
            if (month < 3 && profile == Profile.ENTRY_LAGGING) {
                profile = Profile.ON_TRACK;
            }
            boolean newStartPossible = !cap.isBefore(LocalDate.of(year, 1, 25));
            boolean isNew = switch (profile) {
                case NOT_STARTED_RED, NOT_STARTED_YELLOW, PLANNING -> true;
                case COMPLETED, PRODUCING -> false;
                default -> newStartPossible && rnd.nextDouble() < 0.45;
            };
            BigDecimal total = total(category);
            LocalDate plannedStart;
            LocalDate startDate = null;
            LocalDate completion = null;
            LocalDate plannedCompletion;
            String phase;
            List<PhaseMove> moves = new ArrayList<>();
            switch (profile) {
                case NOT_STARTED_RED, NOT_STARTED_YELLOW -> {
                    plannedStart = today.minusDays(profile == Profile.NOT_STARTED_RED ? between(45, 130)
                            : between(6, 24));
                    plannedCompletion = plannedStart.plusMonths(between(14, 30));
                    phase = rnd.nextDouble() < 0.7 ? "READY" : "PREPARATION";
                }
                case PLANNING -> {
                    plannedStart = today.plusDays(between(40, 160));
                    plannedCompletion = plannedStart.plusMonths(between(12, 30));
                    phase = ChronoUnit.DAYS.between(today, plannedStart) < 90 ? "READY" : "PREPARATION";
                }
                case COMPLETED, PRODUCING -> {
                    startDate = LocalDate.of(year - (rnd.nextDouble() < 0.3 ? 2 : 1), between(3, 10), between(1, 28));
                    plannedStart = startDate.minusDays(between(0, 20));
                    LocalDate from = LocalDate.of(year, cap.isBefore(LocalDate.of(year, 3, 1)) ? 1 : 3, 5);
                    completion = cap.isBefore(from) ? cap : randomDate(from, cap);
                    plannedCompletion = completion.plusDays(between(-25, 20));
                    phase = "UNDER_CONSTRUCTION";
                    moves.add(new PhaseMove("COMPLETED", completion));
                    if (profile == Profile.PRODUCING) {
                        LocalDate producing = completion.plusDays(between(10, 45));
                        moves.add(new PhaseMove("IN_PRODUCTION", producing.isAfter(cap) ? completion : producing));
                    }
                }
                default -> {
                    if (isNew) {
                        LocalDate last = min(LocalDate.of(year, 4, 30), cap.minusDays(15));
                        LocalDate first = LocalDate.of(year, 1, 10);
                        plannedStart = last.isBefore(first) ? first : randomDate(first, last);
                        startDate = min(plannedStart.plusDays(between(-5, 20)), cap);
                        if (startDate.isBefore(LocalDate.of(year, 1, 2))) {
                            startDate = LocalDate.of(year, 1, 2);
                        }
                        plannedCompletion = plannedStart.plusMonths(between(14, 30));
                    } else {
                        startDate = LocalDate.of(year - (rnd.nextDouble() < 0.25 ? 2 : 1), between(3, 11),
                                between(1, 28));
                        plannedStart = startDate.minusDays(between(0, 20));
                        plannedCompletion = today.plusMonths(between(3, 26)).withDayOfMonth(between(1, 28));
                    }
                    if (plannedCompletion.isBefore(today.plusDays(60))) {
                        plannedCompletion = today.plusDays(60 + between(0, 120));
                    }
                    phase = "UNDER_CONSTRUCTION";
                }
            }
            String finalPhase = moves.isEmpty() ? phase : moves.get(moves.size() - 1).phase();
            Map<String, BigDecimal> planned = plan(total, profile, isNew, plannedStart, plannedCompletion, completion);
            BigDecimal thisYear = planned.getOrDefault(Integer.toString(year), BigDecimal.ZERO);

            int filingYear = isNew ? plannedStart.getYear() - (rnd.nextDouble() < 0.5 ? 1 : 0)
                    : plannedStart.getYear() - between(0, 1);
            String industryCode = INDUSTRY_CODES.get(category);
            int n = serial.merge(Integer.toString(filingYear), 1, Integer::sum);
            String code = "%d-%s-%s-0%d-%06d".formatted(filingYear, AREA_CODE, industryCode,
                    category.equals("INDUSTRIAL") ? 3 : 1, 100 + n * 7 + between(0, 6));

            Map<String, Object> data = new LinkedHashMap<>();
            data.put("name", name(unit, core));
            data.put("category", category);
            data.put("level", level(total));
            data.put("constructionType", isNew ? "NEW" : "CONTINUED");
            data.put("totalInvestment", total);
            data.put("plannedStart", plannedStart.toString());
            data.put("plannedCompletion", plannedCompletion.toString());
            data.put("township", township(unit));
            data.put("latitude", BigDecimal.valueOf(35.80 + rnd.nextDouble() * 0.45).setScale(6, RoundingMode.HALF_UP));
            data.put("longitude", BigDecimal.valueOf(117.30 + rnd.nextDouble() * 0.60)
                    .setScale(6, RoundingMode.HALF_UP));
            data.put("unitCode", unit.code());
            data.put("linkedLeader", unit.leader());
            data.put("owner", owner(category, core));

            List<MilestoneSpec> milestones = milestones(profile, plannedStart, startDate, plannedCompletion,
                    completion, moves);
            Map<String, String> approvals = approvals(profile);
            List<ReportSpec> reports = new ArrayList<>();
            Map<YearMonth, BigDecimal> entered = new TreeMap<>();
            reports(profile, category, isNew, startDate, completion, thisYear, reports, entered);
            return new ProjectSpec(code, data, planned, year, phase, finalPhase, isNew, plannedStart, startDate,
                    List.copyOf(moves), milestones, approvals, reports, entered, today);
        }

        private Map<String, BigDecimal> plan(BigDecimal total, Profile profile, boolean isNew, LocalDate plannedStart,
                                             LocalDate plannedCompletion, LocalDate completion) {
            Map<String, BigDecimal> plan = new TreeMap<>();
            BigDecimal rest = total;
            BigDecimal cur;
            if (profile == Profile.COMPLETED || profile == Profile.PRODUCING) {
                BigDecimal before = tens(total.doubleValue() * uniform(0.55, 0.8));
                plan.put(Integer.toString(year - 1), before);
                if (completion.getYear() == year) {
                    plan.put(Integer.toString(year), total.subtract(before));
                }
                return plan;
            }
            if (profile == Profile.PLANNING) {
                cur = plannedStart.getYear() == year ? tens(total.doubleValue() * uniform(0.05, 0.15))
                        : BigDecimal.ZERO;
            } else if (profile == Profile.NOT_STARTED_RED || profile == Profile.NOT_STARTED_YELLOW) {
                cur = tens(total.doubleValue() * uniform(0.1, 0.3));
            } else if (isNew) {
                cur = tens(total.doubleValue() * uniform(0.25, 0.5));
            } else {
                BigDecimal before = tens(total.doubleValue() * uniform(0.2, 0.4));
                plan.put(Integer.toString(year - 1), before);
                rest = rest.subtract(before);
                cur = tens(total.doubleValue() * uniform(0.3, 0.45));
            }
            if (plannedCompletion.getYear() <= year) {
                cur = rest; // finishes this year: the rest is this year's
            }
            if (cur.signum() > 0) {
                plan.put(Integer.toString(year), cur);
            }
            BigDecimal next = rest.subtract(cur);
            if (next.signum() > 0) {
                plan.put(Integer.toString(year + 1), next);
            }
            return plan;
        }

        private List<MilestoneSpec> milestones(Profile profile, LocalDate plannedStart, LocalDate startDate,
                                               LocalDate plannedCompletion, LocalDate completion,
                                               List<PhaseMove> moves) {
            List<MilestoneSpec> list = new ArrayList<>();
            switch (profile) {
                case NOT_STARTED_RED, NOT_STARTED_YELLOW -> {
                    list.add(done("PROJECT_APPROVAL", plannedStart.minusDays(between(150, 240))));
                    list.add(done("FEASIBILITY_APPROVAL", plannedStart.minusDays(between(90, 140))));
                    // The permit is what holds the start back; planned close to the start so the colour stays the
                    // start's.
                    list.add(new MilestoneSpec("CONSTRUCTION_PERMIT", plannedStart.plusDays(between(0, 4)), null));
                }
                case PLANNING -> {
                    list.add(done("PROJECT_APPROVAL", today.minusDays(between(60, 200))));
                    list.add(new MilestoneSpec("FEASIBILITY_APPROVAL", today.plusDays(between(3, 35)), null));
                    list.add(new MilestoneSpec("CONSTRUCTION_PERMIT", plannedStart.minusDays(between(10, 20)), null));
                }
                case COMPLETED, PRODUCING -> {
                    list.add(done("MAIN_STRUCTURE_COMPLETED", completion.minusDays(between(60, 150))));
                    list.add(new MilestoneSpec("COMPLETION_ACCEPTANCE", plannedCompletion, completion));
                    if (profile == Profile.PRODUCING) {
                        LocalDate producing = moves.get(moves.size() - 1).on();
                        list.add(new MilestoneSpec("PRODUCTION", producing.plusDays(between(-10, 10)), producing));
                    }
                }
                default -> {
                    if (startDate.getYear() == year) {
                        list.add(done("CONSTRUCTION_PERMIT", min(plannedStart.minusDays(between(5, 20)), startDate)));
                    }
                    LocalDate main;
                    if (profile == Profile.MILESTONE_LATE_RED || profile == Profile.MILESTONE_LATE_YELLOW) {
                        main = today.minusDays(profile == Profile.MILESTONE_LATE_RED ? between(40, 75)
                                : between(8, 24));
                        list.add(new MilestoneSpec("MAIN_STRUCTURE_COMPLETED", main, null));
                    } else if (rnd.nextDouble() < 0.4 && startDate.plusDays(150).isBefore(cap)) {
                        list.add(done("MAIN_STRUCTURE_COMPLETED", randomDate(startDate.plusDays(120), cap)));
                    } else {
                        main = randomDate(today.plusDays(2), plannedCompletion.minusDays(30));
                        list.add(new MilestoneSpec("MAIN_STRUCTURE_COMPLETED", main, null));
                    }
                    list.add(new MilestoneSpec("COMPLETION_ACCEPTANCE", plannedCompletion, null));
                }
            }
            return list;
        }

        /** A milestone planned on {@code planned} and done around then: mostly on time, sometimes a little late. */
        private MilestoneSpec done(String kind, LocalDate planned) {
            LocalDate actual = planned.plusDays(rnd.nextDouble() < 0.75 ? -between(0, 10) : between(1, 20));
            return new MilestoneSpec(kind, planned, min(actual, cap));
        }

        private Map<String, String> approvals(Profile profile) {
            Map<String, String> a = new LinkedHashMap<>();
            if (profile == Profile.PLANNING || profile == Profile.NOT_STARTED_RED
                    || profile == Profile.NOT_STARTED_YELLOW) {
                a.put("PLANNING", "DONE");
                a.put("LAND_PRE_EXAMINATION", "DONE");
                a.put("DESIGN", rnd.nextDouble() < 0.5 ? "DONE" : "IN_PROGRESS");
                a.put("ENVIRONMENT", rnd.nextDouble() < 0.4 ? "DONE" : "IN_PROGRESS");
                a.put("LAND_ACQUISITION", profile == Profile.NOT_STARTED_RED ? "IN_PROGRESS" : "DONE");
                a.put("LAND_USE_APPROVAL", profile == Profile.PLANNING ? "NOT_STARTED" : "IN_PROGRESS");
            }
            return a;
        }

        /** This year's reports (January to the assessment period) and the bureau's 入库 amounts for them. */
        private void reports(Profile profile, String category, boolean isNew, LocalDate startDate,
                             LocalDate completion, BigDecimal thisYear, List<ReportSpec> reports,
                             Map<YearMonth, BigDecimal> entered) {
            boolean notStarted = startDate == null;
            int last = month;
            if (completion != null) {
                if (completion.getYear() != year) {
                    return;
                }
                last = completion.getMonthValue();
            }
            int first = !notStarted && startDate.getYear() == year ? startDate.getMonthValue() : 1;
            boolean winterBreak = !isNew && completion == null && rnd.nextDouble() < 0.3 && last >= 4;
            List<Integer> working = new ArrayList<>();
            for (int m = first; m <= last; m++) {
                boolean skipped = profile == Profile.REPORT_MISSING && YearMonth.of(year, m).equals(due);
                if (!notStarted && !skipped && !(winterBreak && m <= 2)) {
                    working.add(m);
                }
            }
            double t = month / 12.0;
            double rate = switch (profile) {
                case BEHIND_YELLOW -> t + uniform(-0.27, -0.13);
                case BEHIND_RED -> Math.max(0.02, t + uniform(-0.55, -0.36));
                case REPORT_MISSING -> t + uniform(0.10, 0.16);
                case COMPLETED, PRODUCING -> uniform(0.93, 1.0);
                default -> Math.min(1.05, t + uniform(-0.04, 0.14));
            };
            BigDecimal ytd = thisYear.multiply(BigDecimal.valueOf(rate)).setScale(1, RoundingMode.HALF_UP);
            Map<Integer, BigDecimal> amounts = split(ytd, working);
            int startPct = notStarted ? 0 : isNew ? 0 : between(20, 55);
            int endPct = completion != null ? 100
                    : Math.min(96, startPct + (int) Math.round((100 - startPct) * rate * uniform(0.5, 0.8)));
            BigDecimal cumulative = BigDecimal.ZERO;
            List<Map<String, Object>> problems = problems(profile);
            for (int m = 1; m <= last; m++) {
                YearMonth ym = YearMonth.of(year, m);
                if (profile == Profile.REPORT_MISSING && ym.equals(due)) {
                    continue; // 漏报
                }
                List<Map<String, Object>> raised = m == last ? problems : List.of();
                if (notStarted || m < first) {
                    reports.add(new ReportSpec(ym, BigDecimal.ZERO, false, preparation(profile, m), 0, raised));
                    continue;
                }
                BigDecimal amount = amounts.getOrDefault(m, BigDecimal.ZERO);
                cumulative = cumulative.add(amount);
                boolean underWay = working.contains(m);
                int pct = ytd.signum() == 0 ? startPct : startPct + (int) Math.round((endPct - startPct)
                        * cumulative.doubleValue() / ytd.doubleValue());
                String image = underWay ? image(category, pct) : "冬季停工，春节后复工准备";
                if (completion != null && m == last) {
                    image = "已竣工验收";
                    pct = 100;
                }
                reports.add(new ReportSpec(ym, amount, underWay, image, Math.min(100, pct), raised));
                // The bureau enters last month's figures mid-month, so the latest period has none yet.
                boolean enters = m < month && amount.signum() > 0
                        && !(profile == Profile.ENTRY_LAGGING && m >= month - 2);
                if (enters) {
                    BigDecimal e = amount.multiply(BigDecimal.valueOf(uniform(0.82, 1.0)))
                            .setScale(1, RoundingMode.HALF_UP);
                    entered.put(ym, e.signum() > 0 ? e : amount);
                }
            }
        }

        /** Splits {@code total} over the working months by seasonal weights; the last month takes the rounding. */
        private Map<Integer, BigDecimal> split(BigDecimal total, List<Integer> months) {
            Map<Integer, BigDecimal> out = new TreeMap<>();
            if (months.isEmpty()) {
                return out;
            }
            double[] w = new double[months.size()];
            double sum = 0;
            for (int k = 0; k < w.length; k++) {
                int m = months.get(k);
                double season = m == 1 ? 0.6 : m == 2 ? 0.5 : m == 3 ? 0.9 : m == 12 ? 0.8 : 1.0;
                w[k] = season * uniform(0.75, 1.25);
                sum += w[k];
            }
            BigDecimal given = BigDecimal.ZERO;
            for (int k = 0; k < w.length - 1; k++) {
                BigDecimal a = total.multiply(BigDecimal.valueOf(w[k] / sum)).setScale(1, RoundingMode.DOWN);
                out.put(months.get(k), a);
                given = given.add(a);
            }
            out.put(months.get(w.length - 1), total.subtract(given));
            return out;
        }

        private List<Map<String, Object>> problems(Profile profile) {
            String[] p = switch (profile) {
                case NOT_STARTED_RED -> pick(new String[][]{
                        {"LAND", "项目用地征收未完成，剩余 23 亩未交地", "请县自然资源局加快土地组卷报批", "县自然资源局"},
                        {"DEMOLITION", "红线内 6 户房屋拆迁未完成", "请属地乡镇加快拆迁进度", "县住建局"}});
                case NOT_STARTED_YELLOW -> pick(new String[][]{
                        {"APPROVALS", "施工图审查意见尚未回复", "请县行政审批服务局协调加快审查", "县行政审批服务局"},
                        {"ENVIRONMENT", "环评报告书待专家评审", "请市生态环境局安澜分局协调评审时间", "市生态环境局安澜分局"}});
                case BEHIND_RED -> pick(new String[][]{
                        {"FUNDS", "专项债券资金未到位，施工单位垫资困难", "请县财政局协调拨付专项债资金", "县财政局"},
                        {"FUNDS", "企业融资未落实，银行贷款审批中", "请县金融服务中心协调银企对接", "县金融服务中心"}});
                case BEHIND_YELLOW -> pick(new String[][]{
                        {"UTILITIES", "施工用电增容未落实", "请供电公司协调临时用电", "国网安澜县供电公司"},
                        {"OTHER", "砂石等建材价格上涨，施工进度放缓", "请县发改局协调建材保供", "县发改局"}});
                case MILESTONE_LATE_RED, MILESTONE_LATE_YELLOW -> pick(new String[][]{
                        {"APPROVALS", "消防设计审查未通过，需修改设计", "请县住建局提前介入指导", "县住建局"},
                        {"UTILITIES", "自来水及燃气配套管线未接入", "请县水务集团、燃气公司协调接入", "安澜县水务集团有限公司"}});
                default -> null;
            };
            if (p == null) {
                return List.of();
            }
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", p[0]);
            problem.put("description", p[1]);
            problem.put("helpRequested", p[2]);
            problem.put("assignedDepartment", p[3]);
            problem.put("deadline", today.plusDays(between(10, 25)).toString());
            return List.of(problem);
        }

        private String preparation(Profile profile, int m) {
            if (profile == Profile.PLANNING) {
                return m % 2 == 0 ? "可研报告编制中" : "前期手续办理中";
            }
            if (profile == Profile.NOT_STARTED_RED || profile == Profile.NOT_STARTED_YELLOW) {
                return m % 2 == 0 ? "施工许可办理中" : "征地拆迁、施工图审查推进中";
            }
            return "施工准备：场地平整、临建搭设";
        }

        private static String image(String category, int pct) {
            boolean road = category.equals("INFRASTRUCTURE");
            boolean land = category.equals("ECOLOGY");
            if (pct < 10) {
                return road ? "路基土石方施工" : land ? "场地清理、地形整治" : "场地平整、基础施工";
            }
            if (pct < 30) {
                return road ? "路基及桥涵施工" : land ? "土方及水系工程施工" : "基础及地下室施工";
            }
            if (pct < 55) {
                return road ? "桥梁下部结构及路面基层施工" : land ? "护坡、管网施工" : "主体结构施工";
            }
            if (pct < 75) {
                return road ? "路面摊铺、桥梁上部结构施工" : land ? "植被恢复、景观节点施工" : "主体封顶，二次结构及外立面施工";
            }
            if (pct < 90) {
                return road ? "交安设施及附属工程施工" : land ? "苗木种植及配套设施" : "装饰装修及设备安装";
            }
            return road ? "附属工程收尾，准备交工验收" : "室外配套收尾，准备竣工验收";
        }

        private List<DealSpec> deals(List<UnitSpec> units) {
            List<String> owners = new ArrayList<>();
            units.stream().filter(u -> u.kind().equals("DEVELOPMENT_ZONE")).forEach(u -> {
                for (int k = 0; k < 3; k++) {
                    owners.add(u.code());
                }
            });
            units.stream().filter(u -> u.kind().equals("TOWNSHIP")).forEach(u -> owners.add(u.code()));
            for (String dept : List.of("DP-02", "DP-09")) {
                for (int k = 0; k < 3; k++) {
                    owners.add(dept);
                }
            }
            List<String> stages = new ArrayList<>();
            Map<String, Integer> counts = new LinkedHashMap<>();
            counts.put("NEGOTIATING", 8);
            counts.put("SIGNED", 3);
            counts.put("FUNDED", 5);
            counts.put("PAPER", 3);
            counts.put("LANDED", 5);
            counts.put("STARTED", 3);
            counts.put("TERMINATED", 3);
            counts.forEach((s, n) -> {
                for (int k = 0; k < n; k++) {
                    stages.add(s);
                }
            });
            Collections.shuffle(stages, rnd);
            List<DealSpec> deals = new ArrayList<>();
            for (int k = 0; k < owners.size(); k++) {
                deals.add(deal(k + 1, owners.get(k), stages.get(k % stages.size()), k));
            }
            return deals;
        }

        private DealSpec deal(int n, String unit, String stage, int k) {
            String[] industry = DEAL_INDUSTRIES[k % DEAL_INDUSTRIES.length];
            String company = COMPANY_PREFIXES[(k * 7 + 3) % COMPANY_PREFIXES.length] + industry[1] + "有限公司";
            String id = "ZS-%d-%03d".formatted(year, n);
            BigDecimal intended = tens(Math.exp(uniform(Math.log(5000), Math.log(150000))));
            Map<String, Object> source = new LinkedHashMap<>();
            double s = rnd.nextDouble();
            if (s < 0.35) {
                source.put("kind", "VISIT");
            } else if (s < 0.6) {
                source.put("kind", "REFERRAL");
            } else if (s < 0.85) {
                source.put("kind", "FAIR");
                source.put("fairName", FAIRS[between(0, FAIRS.length - 1)]);
            } else {
                source.put("kind", "ONLINE");
            }
            LocalDate registered;
            LocalDate signed = null;
            LocalDate landed = null;
            LocalDate started = null;
            LocalDate terminated = null;
            String reason = null;
            switch (stage) {
                case "NEGOTIATING" -> registered = today.minusDays(between(10, 200));
                case "SIGNED" -> {
                    registered = today.minusDays(between(60, 150));
                    signed = today.minusDays(between(5, 50));
                }
                case "FUNDED" -> {
                    registered = today.minusDays(between(180, 300));
                    signed = today.minusDays(between(60, 170));
                }
                case "PAPER" -> {
                    registered = today.minusDays(between(330, 500));
                    signed = today.minusDays(between(200, 320));
                }
                case "LANDED" -> {
                    registered = today.minusDays(between(260, 450));
                    signed = today.minusDays(between(150, 250));
                    landed = signed.plusDays(between(30, 100));
                }
                case "STARTED" -> {
                    registered = today.minusDays(between(300, 450));
                    signed = min(today.minusDays(between(180, 280)), cap.minusDays(120));
                    landed = signed.plusDays(between(30, 60));
                    started = landed.plusDays(between(15, 40));
                    if (started.isAfter(cap)) {
                        started = null; // the registry's today may be behind: no start this early in the year
                    }
                }
                default -> {
                    registered = today.minusDays(between(150, 300));
                    if (rnd.nextDouble() < 0.4) {
                        signed = registered.plusDays(between(20, 60));
                    }
                    terminated = randomDate((signed != null ? signed : registered).plusDays(10), today.minusDays(5));
                    reason = pick(new String[]{"企业投资计划调整，项目暂缓", "用地条件不具备，企业另行选址",
                            "企业资金链紧张，项目终止"});
                }
            }
            if (landed != null && landed.isAfter(today.minusDays(5))) {
                landed = today.minusDays(5);
            }
            BigDecimal agreed = signed == null ? null
                    : tens(intended.doubleValue() * uniform(0.8, 1.1));
            List<Funds> funds = new ArrayList<>();
            if (signed != null && terminated == null) {
                double share = switch (stage) {
                    case "SIGNED" -> rnd.nextDouble() < 0.5 ? 0 : uniform(0.05, 0.15);
                    case "PAPER" -> rnd.nextDouble() < 0.5 ? 0 : uniform(0.02, 0.08);
                    case "FUNDED" -> uniform(0.2, 0.7);
                    default -> uniform(0.4, 0.95);
                };
                int instalments = share == 0 ? 0 : between(1, 3);
                BigDecimal total = tens(agreed.doubleValue() * share);
                LocalDate end = today.minusDays(1);
                for (int i = 0; i < instalments && total.signum() > 0; i++) {
                    BigDecimal part = i == instalments - 1 ? total
                            : tens(total.doubleValue() / (instalments - i) * uniform(0.8, 1.2));
                    if (part.signum() <= 0 || part.compareTo(total) > 0) {
                        part = total;
                    }
                    LocalDate from = signed.plusDays(5L + i * 20L);
                    funds.add(new Funds(from.isAfter(end) ? end : randomDate(from, max(from, end)), part));
                    total = total.subtract(part);
                }
                funds.sort(java.util.Comparator.comparing(Funds::on));
            }
            Map<String, Object> registration = new LinkedHashMap<>();
            registration.put("id", id);
            registration.put("company", company);
            registration.put("industry", industry[0]);
            registration.put("source", source);
            registration.put("intendedInvestment", intended);
            registration.put("unitCode", unit);
            registration.put("contacts", List.of(Map.of("name", SURNAMES[between(0, SURNAMES.length - 1)] + "经理",
                    "phone", "13%d%08d".formatted(between(5, 9), between(0, 99_999_999)))));
            registration.put("registeredOn", registered.toString());
            Map<String, Object> landing = null;
            if (landed != null) {
                landing = new LinkedHashMap<>();
                landing.put("landedOn", landed.toString());
                // Landed projects are filed (备案) like any other: a filing code rather than the ZS-<deal> default.
                landing.put("projectCode", "%d-%s-%s-03-%06d".formatted(landed.getYear(), AREA_CODE,
                        industry[3].equals("TOURISM") ? "90" : "36", 900_000 + n));
                landing.put("projectName", company.replace("有限公司", "") + industry[2]);
                landing.put("category", industry[3]);
                LocalDate plannedStart = landed.plusDays(between(15, 45));
                landing.put("plannedStart", plannedStart.toString());
                landing.put("plannedCompletion", plannedStart.plusMonths(between(12, 24)).toString());
            }
            return new DealSpec(id, unit, registration, agreed, signed, List.copyOf(funds), landed, landing,
                    started, terminated, reason);
        }

        private List<UnitSpec> units() {
            List<UnitSpec> units = new ArrayList<>();
            for (int k = 0; k < TOWNSHIPS.length; k++) {
                String name = TOWNSHIPS[k][0];
                List<String> themes = List.of(TOWNSHIPS[k][1].split(","));
                units.add(new UnitSpec("TS-%02d".formatted(k + 1), name, "TOWNSHIP", name, name,
                        LEADERS[k % LEADERS.length], themes));
            }
            for (int k = 0; k < DEPARTMENTS.length; k++) {
                units.add(new UnitSpec("DP-%02d".formatted(k + 1), DEPARTMENTS[k][0], "DEPARTMENT", null, COUNTY,
                        LEADERS[(k + 3) % LEADERS.length], List.of(DEPARTMENTS[k][1].split(","))));
            }
            for (int k = 0; k < ZONES.length; k++) {
                units.add(new UnitSpec("DZ-%02d".formatted(k + 1), ZONES[k][0], "DEVELOPMENT_ZONE", ZONES[k][1],
                        ZONES[k][2], LEADERS[(k + 5) % LEADERS.length], List.of(ZONES[k][3].split(","))));
            }
            return units;
        }

        private String name(UnitSpec unit, String core) {
            return unit.shortName() + core;
        }

        private String township(UnitSpec unit) {
            return unit.seat() != null ? unit.seat() : TOWNSHIPS[between(0, TOWNSHIPS.length - 1)][0];
        }

        private String owner(String category, String core) {
            return switch (category) {
                case "INDUSTRIAL" -> COUNTY.substring(0, 2) + COMPANY_PREFIXES[between(0, COMPANY_PREFIXES.length - 1)]
                        + pick(new String[]{"新材料科技", "智能装备", "新能源科技", "实业", "食品", "生物科技"}) + "有限公司";
                case "URBAN_CONSTRUCTION" -> "安澜县城市建设投资集团有限公司";
                case "INFRASTRUCTURE" -> core.contains("水") || core.contains("灌区") || core.contains("河道")
                        ? "安澜县水务集团有限公司" : core.contains("千伏") ? "国网安澜县供电公司"
                        : core.contains("5G") ? "安澜县数字产业发展有限公司" : "安澜县交通投资发展有限公司";
                case "LIVELIHOOD" -> "安澜县城乡建设发展有限公司";
                case "TOURISM" -> "安澜县文化旅游发展集团有限公司";
                case "ECOLOGY" -> "安澜县生态环境建设有限公司";
                default -> core.contains("医院") || core.contains("卫生") || core.contains("保健")
                        ? "安澜县人民医院" : "县教体局";
            };
        }

        private static String level(BigDecimal total) {
            double t = total.doubleValue();
            return t >= 60_000 ? "PROVINCIAL" : t >= 20_000 ? "MUNICIPAL" : "COUNTY";
        }

        private BigDecimal total(String category) {
            double[] range = switch (category) {
                case "INDUSTRIAL" -> new double[]{8_000, 120_000};
                case "INFRASTRUCTURE" -> new double[]{5_000, 150_000};
                case "URBAN_CONSTRUCTION" -> new double[]{3_000, 60_000};
                case "TOURISM" -> new double[]{3_000, 50_000};
                case "ECOLOGY" -> new double[]{2_000, 30_000};
                case "SOCIAL" -> new double[]{2_000, 40_000};
                default -> new double[]{1_000, 20_000};
            };
            double x = Math.exp(uniform(Math.log(range[0]), Math.log(range[1])));
            return BigDecimal.valueOf(Math.round(x / 100.0) * 100L);
        }

        private static BigDecimal tens(double x) {
            return BigDecimal.valueOf(Math.round(x / 10.0) * 10L);
        }

        private int between(int from, int to) {
            return from + rnd.nextInt(to - from + 1);
        }

        private double uniform(double from, double to) {
            return from + rnd.nextDouble() * (to - from);
        }

        private <T> T pick(T[] options) {
            return options[rnd.nextInt(options.length)];
        }

        private LocalDate randomDate(LocalDate from, LocalDate to) {
            if (!to.isAfter(from)) {
                return from;
            }
            return from.plusDays(rnd.nextInt((int) ChronoUnit.DAYS.between(from, to) + 1));
        }

        private static LocalDate min(LocalDate a, LocalDate b) {
            return a.isBefore(b) ? a : b;
        }

        private static LocalDate max(LocalDate a, LocalDate b) {
            return a.isAfter(b) ? a : b;
        }
    }

    // ----------------------------------------------------------------------------------------------- catalogue

    static final int PROJECTS = 120;
    /** A fictional administrative division code for the filing codes (2026-379901-48-01-000123). */
    static final String AREA_CODE = "379901";

    /** Townships and streets, with the kinds of projects they carry. */
    static final String[][] TOWNSHIPS = {
            {"城关镇", "urban,livelihood,education,industry"}, {"东岗镇", "industry,transport,agri"},
            {"西河镇", "water,ecology,agri"}, {"南湖街道", "urban,livelihood,tourism"},
            {"北山镇", "ecology,tourism,energy"}, {"柳林镇", "agri,industry,water"},
            {"石桥镇", "industry,transport"}, {"龙泉镇", "tourism,ecology,livelihood"},
            {"青石乡", "agri,ecology,water"}, {"白水乡", "water,agri,tourism"},
            {"桃源镇", "tourism,agri,livelihood"}, {"凤鸣街道", "urban,health,livelihood"}};
    static final String[][] DEPARTMENTS = {
            {"县发改局", "energy,livelihood,industry"}, {"县工信局", "industry"}, {"县住建局", "urban,livelihood"},
            {"县交通运输局", "transport"}, {"县水利局", "water"}, {"县教体局", "education"},
            {"县卫健局", "health"}, {"县文旅局", "tourism"}, {"县商务局", "industry,livelihood"}};
    /** Name, seat, short name used in project names, themes. */
    static final String[][] ZONES = {
            {"安澜经济开发区", "东岗镇", "安澜经开区", "industry"},
            {"安澜高新技术产业园区", "城关镇", "安澜高新区", "industry,energy"},
            {"临港物流园区", "石桥镇", "临港物流园区", "industry,transport"},
            {"现代农业产业园", "柳林镇", "现代农业产业园", "agri,industry"}};
    static final String[] LEADERS = {"王县长", "张常务副县长", "李副县长", "赵副县长", "刘副县长", "陈副县长",
            "杨县委常委", "周县委常委"};
    static final Map<String, String> INDUSTRY_CODES = Map.of("INDUSTRIAL", "36", "URBAN_CONSTRUCTION", "47",
            "INFRASTRUCTURE", "48", "LIVELIHOOD", "70", "TOURISM", "90", "ECOLOGY", "77", "SOCIAL", "83");
    static final Map<String, String[]> THEMES = Map.ofEntries(
            Map.entry("industry", new String[]{
                    "INDUSTRIAL|年产5万吨高性能铝合金型材项目", "INDUSTRIAL|新能源电池正极材料产业园",
                    "INDUSTRIAL|智能装备制造产业园一期", "INDUSTRIAL|精密铸造数字化车间技改项目",
                    "INDUSTRIAL|生物医药中间体生产项目", "INDUSTRIAL|光伏组件生产基地",
                    "INDUSTRIAL|装配式建筑部品部件生产基地", "INDUSTRIAL|电子元器件智能制造项目",
                    "INDUSTRIAL|高端纺织面料生产线项目", "INDUSTRIAL|汽车零部件智能制造基地",
                    "INDUSTRIAL|环保新材料生产项目", "INDUSTRIAL|数字经济产业园",
                    "INDUSTRIAL|高端数控机床生产项目", "INDUSTRIAL|氢能装备制造项目",
                    "INDUSTRIAL|功能性薄膜材料项目", "INDUSTRIAL|智能家居产业园",
                    "INDUSTRIAL|再生资源综合利用项目", "INDUSTRIAL|锂电池储能系统集成项目",
                    "INDUSTRIAL|农产品冷链物流集散中心", "INDUSTRIAL|标准化厂房建设项目"}),
            Map.entry("agri", new String[]{
                    "INDUSTRIAL|绿色食品精深加工产业园", "INDUSTRIAL|中央厨房及预制菜加工基地",
                    "INDUSTRIAL|有机肥及土壤改良剂生产项目", "INDUSTRIAL|现代中药饮片生产项目",
                    "ECOLOGY|高标准农田建设项目", "ECOLOGY|农村人居环境整治提升工程",
                    "INDUSTRIAL|果蔬分拣包装及冷藏项目"}),
            Map.entry("urban", new String[]{
                    "URBAN_CONSTRUCTION|老旧小区改造工程", "URBAN_CONSTRUCTION|城市更新片区改造项目",
                    "URBAN_CONSTRUCTION|棚户区改造安置房项目", "URBAN_CONSTRUCTION|雨污分流改造工程",
                    "URBAN_CONSTRUCTION|智慧停车场建设项目", "URBAN_CONSTRUCTION|城区道路提升改造工程",
                    "URBAN_CONSTRUCTION|污水处理厂提标扩建工程", "URBAN_CONSTRUCTION|集中供热管网改造工程",
                    "URBAN_CONSTRUCTION|滨河公园及绿道工程", "URBAN_CONSTRUCTION|供水管网延伸工程"}),
            Map.entry("transport", new String[]{
                    "INFRASTRUCTURE|省道改建工程", "INFRASTRUCTURE|县乡公路提档升级工程",
                    "INFRASTRUCTURE|物流园铁路专用线工程", "INFRASTRUCTURE|高速公路连接线工程",
                    "INFRASTRUCTURE|城乡公交枢纽站建设项目", "INFRASTRUCTURE|农村公路安全生命防护工程",
                    "INFRASTRUCTURE|跨河大桥新建工程"}),
            Map.entry("water", new String[]{
                    "INFRASTRUCTURE|农村供水一体化工程", "INFRASTRUCTURE|小型水库除险加固工程",
                    "INFRASTRUCTURE|河道综合治理工程", "INFRASTRUCTURE|灌区续建配套与现代化改造项目",
                    "ECOLOGY|河湖水系连通工程", "ECOLOGY|水土保持综合治理工程"}),
            Map.entry("energy", new String[]{
                    "INFRASTRUCTURE|110千伏输变电工程", "INFRASTRUCTURE|5G基站及千兆光网建设项目",
                    "INFRASTRUCTURE|天然气输配管网工程", "INFRASTRUCTURE|分布式光伏整县推进项目",
                    "INFRASTRUCTURE|充电桩及换电站建设项目"}),
            Map.entry("livelihood", new String[]{
                    "LIVELIHOOD|保障性租赁住房项目", "LIVELIHOOD|中心敬老院扩建项目", "LIVELIHOOD|便民服务中心建设项目",
                    "LIVELIHOOD|农村幸福院建设项目", "LIVELIHOOD|社区嵌入式服务设施项目",
                    "LIVELIHOOD|农贸市场提升改造项目", "LIVELIHOOD|应急避难场所建设项目"}),
            Map.entry("tourism", new String[]{
                    "TOURISM|古镇文旅综合开发项目", "TOURISM|景区提升改造工程", "TOURISM|乡村旅游示范带项目",
                    "TOURISM|温泉康养度假区项目", "TOURISM|非遗文化街区项目", "TOURISM|中小学生研学实践基地",
                    "TOURISM|露营地及房车营地项目"}),
            Map.entry("ecology", new String[]{
                    "ECOLOGY|废弃矿山生态修复工程", "ECOLOGY|湿地公园建设项目", "ECOLOGY|国土绿化示范项目",
                    "ECOLOGY|生活垃圾焚烧发电项目", "ECOLOGY|山水林田湖草沙一体化保护修复工程"}),
            Map.entry("education", new String[]{
                    "SOCIAL|第二实验中学新建项目", "SOCIAL|职业教育中心实训楼项目", "SOCIAL|公办幼儿园新建项目",
                    "SOCIAL|全民健身中心项目", "SOCIAL|寄宿制学校建设项目", "SOCIAL|图书馆文化馆新馆项目"}),
            Map.entry("health", new String[]{
                    "SOCIAL|人民医院门急诊综合楼项目", "SOCIAL|妇幼保健院迁建项目", "SOCIAL|中医医院康复楼项目",
                    "SOCIAL|乡镇卫生院提升改造项目", "SOCIAL|疾病预防控制中心业务楼项目"}));
    /** Industry, company word, project word, registry category. */
    static final String[][] DEAL_INDUSTRIES = {
            {"新材料", "新材料科技", "新材料产业园项目", "INDUSTRIAL"},
            {"高端装备", "智能装备", "智能装备制造基地", "INDUSTRIAL"},
            {"新能源", "新能源科技", "新能源电池项目", "INDUSTRIAL"},
            {"生物医药", "生物医药", "生物医药产业园项目", "INDUSTRIAL"},
            {"电子信息", "电子科技", "电子元器件生产项目", "INDUSTRIAL"},
            {"食品加工", "食品", "食品精深加工项目", "INDUSTRIAL"},
            {"现代物流", "供应链管理", "智慧物流园项目", "INDUSTRIAL"},
            {"文旅康养", "文旅发展", "文旅康养综合体项目", "TOURISM"},
            {"节能环保", "环保科技", "环保装备制造项目", "INDUSTRIAL"},
            {"数字经济", "数字科技", "数字经济产业园项目", "INDUSTRIAL"}};
    static final String[] COMPANY_PREFIXES = {"鼎信", "华拓", "明辉", "瑞丰", "博远", "睿达", "金泰", "恒晟", "嘉禾",
            "启航", "中拓", "宏业", "泰和", "景升", "润泽"};
    static final String[] FAIRS = {"青洽会", "进博会", "投洽会", "广交会"};
    static final String[] SURNAMES = {"张", "王", "李", "赵", "刘", "陈", "杨", "孙", "周", "吴"};
}
