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

        // Each unit's system files June's reports, one project after another, while the store is frozen for 10 s.
        Map<String, Integer> statuses = new ConcurrentHashMap<>();
        Map<String, Integer> answered = new TreeMap<>();
        List<String> malformed = java.util.Collections.synchronizedList(new ArrayList<>());
        ApiClient registry = cluster.api(Service.PROJECT_REGISTRY).noRetry();
        cluster.storeProxy().freeze();
        long frozenAt = System.nanoTime();
        ExecutorService units = Executors.newFixedThreadPool(county.units.size());
        for (String unit : county.units) {
            String token = cluster.token("system-" + unit, unit, Role.UNIT_SYSTEM);
            units.submit(() -> june.stream().filter(f -> county.projects.get(f.projectCode()).equals(unit))
                    .filter(f -> System.nanoTime() - frozenAt < TimeUnit.SECONDS.toNanos(9))
                    .forEach(f -> {
                        ApiClient.Response r = registry.put("/api/v1/projects/" + f.projectCode() + "/reports/2026-06",
                                token, Map.of("investmentCompleted", f.amount(), "workUnderWay", true));
                        statuses.put(f.projectCode(), r.status());
                        if (r.status() == 503 && (!r.contentType().startsWith("application/problem+json")
                                || r.headers().firstValue("Retry-After").isEmpty())) {
                            malformed.add(f.projectCode() + ": " + r.contentType() + " " + r.headers().map());
                        }
                    }));
        }
        units.shutdown();
        await().atMost(Duration.ofSeconds(30)).until(() -> breakerState(Service.PROJECT_REGISTRY) == 1.0);
        long openedAfter = System.nanoTime() - frozenAt;
        assertThat(units.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        await().atLeast(Duration.ZERO).atMost(Duration.ofSeconds(20))
                .until(() -> System.nanoTime() - frozenAt >= TimeUnit.SECONDS.toNanos(10));
        cluster.storeProxy().thaw();
        long thawedAt = System.nanoTime();
        statuses.values().forEach(s -> answered.merge(Integer.toString(s), 1, Integer::sum));
        assertThat(statuses.values()).as("no filing got anything but 2xx or 503").allMatch(s -> s == 503 || s / 100 == 2);
        assertThat(statuses.values()).contains(503);
        assertThat(malformed).as("503s without problem+json or Retry-After").isEmpty();

        // The breaker lets trial calls through after its wait and closes; the clients file what was refused (and
        // what they never got to) again.
        await().atMost(Duration.ofSeconds(60)).until(() -> breakerState(Service.PROJECT_REGISTRY) == 0.0);
        String closedAfter = Results.seconds(thawedAt);
        ApiClient patient = cluster.api(Service.PROJECT_REGISTRY);
        for (County.Filing f : june) {
            String token = cluster.token("system-" + county.projects.get(f.projectCode()),
                    county.projects.get(f.projectCode()), Role.UNIT_SYSTEM);
            await().atMost(Duration.ofSeconds(60)).until(() -> patient.put("/api/v1/projects/" + f.projectCode()
                    + "/reports/2026-06", token, Map.of("investmentCompleted", f.amount(), "workUnderWay", true))
                    .status() / 100 == 2);
        }
        county.start(cluster);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(county.disagreements(cluster)).isEmpty());
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

        Results.record("6. Store unreachable", String.format("store frozen 10 s under 2 unit systems filing June "
                + "and events in flight: answers %s (every refusal 503 problem+json with Retry-After); the registry's "
                + "store breaker opened %.1f s into the outage and closed %s after the thaw; the refused filings "
                + "sent again were applied once (40 June reports, all revision 1); 0 disagreements with the oracle; "
                + "0 dead letters; lag 0", answered, openedAfter / 1e9, closedAfter));
    }

    private double breakerState(Service service) {
        String metrics = cluster.api(service).get("/actuator/prometheus", null).body();
        Matcher m = BREAKER.matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }
}
