package gov.keyproject.reliability;

import gov.keyproject.contracts.EventCodec;
import gov.keyproject.contracts.Topics;
import gov.keyproject.contracts.statistics.InvestmentEntered;
import gov.keyproject.devstack.ApiClient;
import gov.keyproject.devstack.ServiceProcess.Service;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 5. A poison event lands in each consuming group's dead-letter topic within seconds, later events on the same
 * partition keep flowing; a dead letter that can be fixed is sent back once after the fix, and only once.
 */
@org.junit.jupiter.api.Order(5) // the heavy ones last: the test store has no secondary indexes
class PoisonEventTest {

    private final Cluster cluster = Cluster.get();

    @Test
    void aPoisonEventIsDeadLetteredTheRestFlowsAndAFixedOneIsReplayedOnce() {
        County county = new County("PSN", 1, 2, List.of(County.JUNE));
        county.register(cluster);
        county.file(cluster, county.filings(), 100, batch -> { });
        county.start(cluster);
        county.awaitAgreement(cluster, Duration.ofMinutes(4));

        // Not an event at all, keyed like a real project: same partition as that project's later events.
        String code = "PSN-U0-P0";
        List<String> dlqs = List.of("investment-statistics", "assessment", "investment-promotion").stream()
                .map(group -> Topics.deadLetter(Topics.REGISTRY_PROJECT_EVENTS, group)).toList();
        long start = System.nanoTime();
        cluster.resend(List.of(record(Topics.REGISTRY_PROJECT_EVENTS, code,
                "{\"specversion\":\"1.0\",\"id\":".getBytes(StandardCharsets.UTF_8))));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> cluster.records(dlqs, code::equals).size() == 3);
        String deadLettered = Results.seconds(start);

        // The next event for the same project (same partition) is applied by every consumer.
        County.expect(cluster.api(Service.PROJECT_REGISTRY).put("/api/v1/projects/" + code + "/reports/2026-06",
                cluster.operator(), Map.of("investmentCompleted", 700, "workUnderWay", true)), 200);
        county.completed.put(code, new BigDecimal("700"));
        county.awaitAgreement(cluster, Duration.ofMinutes(4));

        // A fixable one: the bureau's 入库 row for a project the registry does not know yet.
        String late = "PSN-LATE";
        String feedDlq = Topics.deadLetter(Topics.STATISTICS_FEED, "investment-statistics");
        cluster.resend(List.of(record(Topics.STATISTICS_FEED, late, EventCodec.encode(EventCodec.wrap(
                new InvestmentEntered(late, County.JUNE, new BigDecimal("150.00")), "/keyproject/statistics-bureau",
                1, Instant.now(), null, null)))));
        await().atMost(Duration.ofSeconds(30)).until(() -> cluster.records(List.of(feedDlq), late::equals).size() == 1);
        ApiClient console = cluster.api(Service.CONSOLE);
        String id = await().atMost(Duration.ofSeconds(30)).until(() -> deadLetterId(console, late), i -> i != null);

        // The fix: the project is registered (in a unit of its own, outside the oracle's county); then it goes back.
        ApiClient registry = cluster.api(Service.PROJECT_REGISTRY);
        County.expect(registry.post("/api/v1/units", cluster.operator(),
                Map.of("code", "PSN-X", "name", "镇PSN-X", "kind", "TOWNSHIP")), 201);
        County.expect(registry.post("/api/v1/projects", cluster.operator(), Map.of("code", late, "name", "补录项目",
                "category", "INDUSTRIAL", "level", "COUNTY", "constructionType", "CONTINUED", "totalInvestment", 900,
                "plannedInvestment", Map.of("2026", 600), "unitCode", "PSN-X", "phase", "READY")), 201);
        ApiClient statistics = cluster.api(Service.INVESTMENT_STATISTICS);
        await().atMost(Duration.ofMinutes(1)).until(() -> statistics.get("/api/v1/figures/projects?period=2026-06"
                + "&unit=PSN-X", cluster.operator()).body().contains(late));
        County.expect(console.post("/console/api/dead-letters/" + id + "/resend", null, null), 200);
        JsonNode entries = await().atMost(Duration.ofMinutes(1)).until(() -> statistics
                .get("/api/v1/feed/entries?project=" + late, cluster.operator()).json(), e -> e.size() > 0);
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).get("amountEntered").decimalValue()).isEqualByComparingTo("150.00");
        assertThat(entries.get(0).get("revisions").size()).isEqualTo(1);
        County.expect(console.post("/console/api/dead-letters/" + id + "/resend", null, null), 409);
        assertThat(cluster.records(List.of(Topics.STATISTICS_FEED), late::equals)).hasSize(2); // original + replay

        Results.record("5. Poison event", "a malformed record on registry.project-events.v1 reached the dead-letter "
                + "topics of all 3 consuming groups in " + deadLettered + "; the next report on the same partition "
                + "was applied (oracle agrees); a 入库 row for an unknown project was dead-lettered, sent back from "
                + "the console after the fix and counted once (1 revision); a second send-back was refused (409)");
    }

    private static ConsumerRecord<String, byte[]> record(String topic, String key, byte[] value) {
        return new ConsumerRecord<>(topic, 0, 0L, 0L, org.apache.kafka.common.record.TimestampType.CREATE_TIME, 0, 0,
                key, value, new RecordHeaders(), java.util.Optional.empty());
    }

    private static String deadLetterId(ApiClient console, String key) {
        for (JsonNode d : console.get("/console/api/dead-letters", null).json()) {
            if (key.equals(d.path("key").asString())) {
                return d.get("id").asString();
            }
        }
        return null;
    }
}
