package gov.keyproject.reliability;

import gov.keyproject.devstack.ApiClient;
import gov.keyproject.devstack.ServiceProcess.Service;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * A county's month as a workload with its oracle: township units, each with continued (续建) projects planned at
 * 1,200 万元 for 2026, registered READY, reported for some months, then started (开工 on its planned day). A project's
 * final year-to-date completion C decides its colour by the lag rule alone (t = 6/12): 660 → GREEN (d = +5 points),
 * 360 → YELLOW (d = −20), 120 → RED (d = −40). Nothing else fires: no new projects, no other milestones, no report
 * due before June, June's deadline four days away, and May never reported (so 入库滞后, which needs both April and May
 * reported with nothing entered, does not fire). So the oracle is DOMAIN.md's formulas on these few facts:
 * figures C per project and unit, one open notice of the project's colour (none when GREEN), and each unit's score
 * = (40 · min(ΣC / (t · ΣP), 1) + 20 · 开复工率 1 + 20 · milestones on time 1) / 80 × 100 − 2 per yellow − 5 per red.
 */
final class County {

    static final BigDecimal PLANNED = new BigDecimal("1200");
    static final YearMonth JUNE = YearMonth.of(2026, 6);
    private static final BigDecimal[] BANDS = {new BigDecimal("660"), new BigDecimal("360"), new BigDecimal("120")};

    final String prefix;
    final List<String> units = new ArrayList<>();
    /** Project code → unit code, in registration order. */
    final Map<String, String> projects = new LinkedHashMap<>();
    /** Project code → its final YTD completion C (what the reports add up to). */
    final Map<String, BigDecimal> completed = new HashMap<>();
    final List<YearMonth> periods;

    County(String prefix, int unitCount, int projectsPerUnit, List<YearMonth> periods) {
        this.prefix = prefix;
        this.periods = List.copyOf(periods);
        for (int u = 0; u < unitCount; u++) {
            String unit = prefix + "-U" + u;
            units.add(unit);
            for (int p = 0; p < projectsPerUnit; p++) {
                String code = prefix + "-U" + u + "-P" + p;
                projects.put(code, unit);
                completed.put(code, BANDS[(p + u) % 3]);
            }
        }
    }

    /** One filing: C split evenly over the reported months. */
    record Filing(String projectCode, YearMonth period, BigDecimal amount) {
        Map<String, Object> body() {
            return Map.of("projectCode", projectCode, "period", period.toString(), "investmentCompleted", amount,
                    "workUnderWay", true);
        }
    }

    List<Filing> filings() {
        List<Filing> out = new ArrayList<>();
        BigDecimal n = BigDecimal.valueOf(periods.size());
        for (YearMonth period : periods) {
            for (String code : projects.keySet()) {
                out.add(new Filing(code, period, completed.get(code).divide(n, 2, RoundingMode.UNNECESSARY)));
            }
        }
        return out;
    }

    /** Units and projects, registered through the registry's API in parallel. */
    void register(Cluster cluster) {
        ApiClient registry = cluster.api(Service.PROJECT_REGISTRY);
        String operator = cluster.operator();
        for (String unit : units) {
            expect(registry.post("/api/v1/units", operator, Map.of("code", unit, "name", "镇" + unit,
                    "kind", "TOWNSHIP")), 201);
        }
        parallel(projects.keySet(), code -> {
            String projectOperator = operatorFor(cluster, code);
            Map<String, Object> body = new HashMap<>(Map.of("code", code, "name", "项目" + code,
                    "category", "INDUSTRIAL", "level", "COUNTY", "constructionType", "CONTINUED",
                    "totalInvestment", 5000, "plannedInvestment", Map.of("2026", PLANNED),
                    "plannedStart", "2026-03-01", "plannedCompletion", "2027-12-31"));
            body.putAll(Map.of("unitCode", projects.get(code), "township", "镇" + projects.get(code),
                    "phase", "READY"));
            expectPatiently(() -> registry.post("/api/v1/projects", projectOperator, body), 201);
        });
    }

    /** Files reports through the batch endpoint, {@code size} per call; {@code afterBatch} sees the batch count. */
    int file(Cluster cluster, List<Filing> filings, int size, Consumer<Integer> afterBatch) {
        ApiClient registry = cluster.api(Service.PROJECT_REGISTRY);
        String operator = cluster.operator();
        int accepted = 0;
        for (int i = 0, batch = 1; i < filings.size(); i += size, batch++) {
            List<Map<String, Object>> reports = filings.subList(i, Math.min(filings.size(), i + size)).stream()
                    .map(Filing::body).toList();
            ApiClient.Response r = expectPatiently(() -> registry.post("/api/v1/reports/batch", operator,
                    Map.of("reports", reports)), 200);
            for (JsonNode outcome : r.json()) {
                if (!"REJECTED".equals(outcome.get("status").asString())) {
                    accepted++;
                }
            }
            afterBatch.accept(batch);
        }
        return accepted;
    }

    /** Every project starts work on its planned day: the lag rule now applies and the colour settles. */
    void start(Cluster cluster) {
        ApiClient registry = cluster.api(Service.PROJECT_REGISTRY);
        parallel(projects.keySet(), code -> expectPatiently(() -> registry.post("/api/v1/projects/" + code + "/phase",
                operatorFor(cluster, code),
                Map.of("phase", "UNDER_CONSTRUCTION", "on", "2026-03-01")), 200));
    }

    /** DOMAIN.md's lag rule: d = C / P − t; d < −30 points RED, −30 ≤ d ≤ −10 YELLOW, else GREEN. */
    /** Eight operators' systems share the work (each is one client to the per-client rate limit). */
    static String operatorFor(Cluster cluster, String code) {
        return cluster.token("operator-" + Math.floorMod(code.hashCode(), 8), null, gov.keyproject.platform.security.Role.OPERATOR);
    }

    String colour(String code) {
        BigDecimal d = completed.get(code).divide(PLANNED, MathContext.DECIMAL128).subtract(new BigDecimal("0.5"));
        if (d.compareTo(new BigDecimal("-0.30")) < 0) {
            return "RED";
        }
        return d.compareTo(new BigDecimal("-0.10")) <= 0 ? "YELLOW" : "GREEN";
    }

    /** DOMAIN.md's score for a unit, exact, before display rounding. */
    BigDecimal score(String unit) {
        BigDecimal sumC = BigDecimal.ZERO;
        BigDecimal sumP = BigDecimal.ZERO;
        int penalty = 0;
        for (var e : projects.entrySet()) {
            if (e.getValue().equals(unit)) {
                sumC = sumC.add(completed.get(e.getKey()));
                sumP = sumP.add(PLANNED);
                String colour = colour(e.getKey());
                penalty += "YELLOW".equals(colour) ? 2 : "RED".equals(colour) ? 5 : 0;
            }
        }
        MathContext mc = MathContext.DECIMAL128;
        BigDecimal investment = sumC.divide(sumP.multiply(new BigDecimal("0.5")), mc).min(BigDecimal.ONE);
        BigDecimal base = investment.multiply(BigDecimal.valueOf(40)).add(BigDecimal.valueOf(40))
                .divide(BigDecimal.valueOf(80), mc).multiply(BigDecimal.valueOf(100));
        return base.subtract(BigDecimal.valueOf(penalty)).max(BigDecimal.ZERO);
    }

    /**
     * Every disagreement between the services and the oracle, as readable lines (empty: all agree). Reads the
     * statistics figures, the colours, every notice and the ranking through the public APIs.
     */
    List<String> disagreements(Cluster cluster) {
        List<String> out = new ArrayList<>();
        String operator = cluster.operator();
        ApiClient statistics = cluster.api(Service.INVESTMENT_STATISTICS);
        ApiClient assessment = cluster.api(Service.ASSESSMENT);
        JsonNode ranking = assessment.get("/api/v1/rankings/TOWNSHIP", operator).json();
        Map<String, JsonNode> ranked = new HashMap<>();
        ranking.path("units").forEach(u -> ranked.put(u.get("unitCode").asString(), u));
        for (String unit : units) {
            Map<String, BigDecimal> figures = new TreeMap<>();
            statistics.get("/api/v1/figures/projects?period=" + JUNE + "&unit=" + unit, operator).json()
                    .forEach(p -> figures.put(p.get("code").asString(), decimal(p.get("ytdCompleted"))));
            Map<String, String> colours = new TreeMap<>();
            Map<String, String> reasons = new TreeMap<>();
            assessment.get("/api/v1/warnings?unit=" + unit, operator).json().forEach(w -> {
                colours.put(w.get("projectCode").asString(), w.get("colour").asString());
                reasons.put(w.get("projectCode").asString(), w.get("reasons").toString());
            });
            Map<String, List<String>> notices = new TreeMap<>();
            assessment.get("/api/v1/notices?unit=" + unit, operator).json().forEach(n -> notices
                    .computeIfAbsent(n.get("projectCode").asString(), k -> new ArrayList<>())
                    .add(n.get("colour").asString() + ":" + n.get("status").asString()));
            for (var e : projects.entrySet()) {
                if (!e.getValue().equals(unit)) {
                    continue;
                }
                String code = e.getKey();
                BigDecimal c = completed.get(code);
                if (figures.get(code) == null || figures.get(code).compareTo(c) != 0) {
                    out.add(code + " ytdCompleted " + figures.get(code) + " ≠ " + c);
                }
                if (!colour(code).equals(colours.get(code))) {
                    out.add(code + " colour " + colours.get(code) + " ≠ " + colour(code) + " " + reasons.get(code));
                }
                List<String> expected = "GREEN".equals(colour(code)) ? List.of() : List.of(colour(code) + ":ISSUED");
                List<String> actual = notices.getOrDefault(code, List.of());
                if (!expected.equals(actual)) {
                    out.add(code + " notices " + actual + " ≠ " + expected);
                }
            }
            JsonNode entry = ranked.get(unit);
            BigDecimal expected = score(unit);
            if (entry == null || decimal(entry.get("score")) == null
                    || decimal(entry.get("score")).subtract(expected).abs()
                    .compareTo(new BigDecimal("0.005")) > 0) {
                out.add(unit + " score " + (entry == null ? null : entry.get("score")) + " ≠ " + expected);
            }
        }
        return out;
    }

    private static BigDecimal decimal(JsonNode node) {
        return node == null || node.isNull() ? null : node.decimalValue();
    }

    /**
     * Waits until every consumer group has caught up and then the services agree with the oracle. The oracle's reads
     * scan the store, so they are made only once the lag is 0, not while the consumers still work.
     */
    void awaitAgreement(Cluster cluster, java.time.Duration within) {
        long start = System.nanoTime();
        List<String> last = new ArrayList<>(List.of("not checked yet"));
        try {
            org.awaitility.Awaitility.await().atMost(within).pollInterval(java.time.Duration.ofSeconds(3))
                    .until(() -> {
                        Map<String, Long> lag = cluster.lag();
                        System.out.println(prefix + " " + Results.seconds(start) + " lag " + lag);
                        if (lag.values().stream().anyMatch(l -> l > 0)) {
                            return false;
                        }
                        last.clear();
                        last.addAll(disagreements(cluster));
                        return last.isEmpty();
                    });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("no agreement with the oracle within " + within + ": lag " + cluster.lag()
                    + ", disagreements " + last, e);
        }
    }

    /**
     * As a unit system does: a 503 (the store was slow or away) is tried again after its Retry-After. A repeated
     * registration or start whose first try did land answers 409 (already there), which counts as done.
     */
    static ApiClient.Response expectPatiently(java.util.function.Supplier<ApiClient.Response> call, int status) {
        ApiClient.Response r = call.get();
        for (int attempt = 1; r.status() == 503 && attempt < 20; attempt++) {
            long retryAfter = Long.parseLong(r.headers().firstValue("Retry-After").orElse("1"));
            try {
                Thread.sleep(Math.min(5, Math.max(1, retryAfter)) * 1000L); // the service said when to come back
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            r = call.get();
            if (r.status() == 409) {
                return r;
            }
        }
        expect(r, status);
        return r;
    }

    static void expect(ApiClient.Response r, int status) {
        if (r.status() != status) {
            throw new AssertionError("expected " + status + " but was " + r.status() + ": " + r.body());
        }
    }

    static void parallel(Iterable<String> items, Consumer<String> action) {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (String item : items) {
                futures.add(pool.submit(() -> action.accept(item)));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof AssertionError) {
                throw (AssertionError) e.getCause();
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
