package gov.keyproject.reliability;

import gov.keyproject.devstack.ApiClient;
import gov.keyproject.devstack.ServiceProcess.Service;
import gov.keyproject.platform.security.Role;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 6. The store becomes unreachable for 10 s (the TCP proxy between every service and the store stops passing bytes)
 * while reports are being filed and events are in flight: the APIs answer 503 problem+json, the store breakers open
 * and close again, a filing answered 503 and tried again later is applied once, and everything drains.
 */
@org.junit.jupiter.api.Order(6) // the heavy ones last: the test store has no secondary indexes
class StoreOutageTest {

    private static final Pattern BREAKER = Pattern.compile("(?m)^keyproject_store_breaker_state(?:\\{[^}]*})? (\\S+)");
    private final Cluster cluster = Cluster.get();

    @Test
    void aFrozenStoreGives503sOpensTheBreakersAndLosesNothing() throws Exception {
        County county = new County("STO", 2, 20, List.of(YearMonth.of(2026, 3), YearMonth.of(2026, 4), County.JUNE));
        county.register(cluster);
        List<County.Filing> filings = county.filings();
        List<County.Filing> june = filings.stream().filter(f -> f.period().equals(County.JUNE)).toList();
        county.file(cluster, filings.stream().filter(f -> !f.period().equals(County.JUNE)).toList(), 100, b -> { });
        var deadLettersBefore = cluster.deadLetters();

        // Each project's unit system files June's report and, refused, tries again after Retry-After, for the 10 s
        // the store is frozen; after the thaw the refused ones are filed again.
        Map<String, Integer> statuses = new ConcurrentHashMap<>();
        Map<String, Integer> answered = new ConcurrentHashMap<>();
        List<String> malformed = java.util.Collections.synchronizedList(new ArrayList<>());
        ApiClient registry = cluster.api(Service.PROJECT_REGISTRY).noRetry();
        double opensBefore = breakerTransitions(Service.PROJECT_REGISTRY, "OPEN");
        ExecutorService clients = Executors.newFixedThreadPool(june.size());
        cluster.storeProxy().freeze();
        long frozenAt = System.nanoTime();
        try {
            for (County.Filing f : june) {
                String unit = county.projects.get(f.projectCode());
                String token = cluster.token("system-" + unit, unit, Role.UNIT_SYSTEM);
                clients.submit(() -> {
                    while (System.nanoTime() - frozenAt < TimeUnit.SECONDS.toNanos(10)) {
                        ApiClient.Response r = registry.put("/api/v1/projects/" + f.projectCode()
                                + "/reports/2026-06", token, Map.of("investmentCompleted", f.amount(),
                                "workUnderWay", true));
                        statuses.put(f.projectCode(), r.status());
                        answered.merge(Integer.toString(r.status()), 1, Integer::sum);
                        if (r.status() != 503 && r.status() != 429) {
                            return;
                        }
                        if (!r.contentType().startsWith("application/problem+json")
                                || r.headers().firstValue("Retry-After").isEmpty()) {
                            malformed.add(f.projectCode() + ": " + r.contentType() + " " + r.headers().map());
                            return;
                        }
                        // The client does as the answer says: it comes back after Retry-After.
                        long retryAfter = Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow());
                        try {
                            Thread.sleep(retryAfter * 1000L);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
            }
            await().atLeast(Duration.ZERO).atMost(Duration.ofSeconds(20))
                    .until(() -> System.nanoTime() - frozenAt >= TimeUnit.SECONDS.toNanos(10));
        } finally {
            cluster.storeProxy().thaw();
        }
        long thawedAt = System.nanoTime();
        clients.shutdown();
        assertThat(clients.awaitTermination(90, TimeUnit.SECONDS)).isTrue();
        assertThat(answered.keySet()).as("nothing but 2xx, 503 or 429").allMatch(s -> s.equals("503")
                || s.equals("429") || s.startsWith("2"));
        assertThat(answered).containsKey("503");
        assertThat(malformed).as("503s without problem+json or Retry-After").isEmpty();
        assertThat(breakerTransitions(Service.PROJECT_REGISTRY, "OPEN")).as("the store breaker opened")
                .isGreaterThan(opensBefore);

        // The clients file what was refused again; their calls are the breaker's trials, and it closes.
        ApiClient patient = cluster.api(Service.PROJECT_REGISTRY);
        for (County.Filing f : june) {
            String token = cluster.token("system-" + county.projects.get(f.projectCode()),
                    county.projects.get(f.projectCode()), Role.UNIT_SYSTEM);
            await().atMost(Duration.ofSeconds(60)).until(() -> patient.put("/api/v1/projects/" + f.projectCode()
                    + "/reports/2026-06", token, Map.of("investmentCompleted", f.amount(), "workUnderWay", true))
                    .status() / 100 == 2);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> breakerState(Service.PROJECT_REGISTRY) == 0.0);
        String closedAfter = Results.seconds(thawedAt);
        county.start(cluster);
        county.awaitAgreement(cluster, Duration.ofMinutes(5));
        cluster.awaitNoLag(Duration.ofMinutes(2));
        assertThat(cluster.deadLetters()).isEqualTo(deadLettersBefore);
        // Nothing half-written or doubled: every June report exists once, in its first revision.
        List<String> revisions = new ArrayList<>();
        for (String code : county.projects.keySet()) {
            var reports = patient.get("/api/v1/projects/" + code + "/reports", cluster.operator()).json();
            revisions.add(code + ":" + reports.path("2026-06").path("revision").asInt());
        }
        assertThat(revisions).allMatch(r -> r.endsWith(":1"));
        for (Service s : Cluster.SERVICES) {
            await().atMost(Duration.ofSeconds(60)).until(() -> breakerState(s) == 0.0);
        }

        Results.record("6. Store unreachable", String.format("store frozen 10 s while 40 unit-system clients filed "
                + "June (trying again after each Retry-After) and events were in flight: answers %s, every refusal "
                + "problem+json with Retry-After; the registry's store breaker opened during the outage and was "
                + "closed again %s after the thaw; the refused filings sent again were applied once (40 June "
                + "reports, all revision 1); every service's breaker closed; 0 disagreements with the oracle; "
                + "0 dead letters; lag 0", new TreeMap<>(answered), closedAfter));
    }

    private double breakerTransitions(Service service, String to) {
        String metrics = cluster.api(service).get("/actuator/prometheus", null).body();
        Matcher m = Pattern.compile("(?m)^keyproject_store_breaker_transitions_total\\{[^}]*to=\"" + to
                + "\"[^}]*} (\\S+)").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private double breakerState(Service service) {
        String metrics = cluster.api(service).get("/actuator/prometheus", null).body();
        Matcher m = BREAKER.matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }
}
