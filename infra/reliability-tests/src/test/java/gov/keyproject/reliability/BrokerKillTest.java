package gov.keyproject.reliability;

import gov.keyproject.contracts.EventCodec;
import gov.keyproject.contracts.EventEnvelope;
import gov.keyproject.contracts.EventType;
import gov.keyproject.contracts.Topics;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 2. The broker is killed (-9) in the middle of a burst of 10,000 reports and restarted while the burst goes on:
 * every report is reflected exactly once, nothing is dead-lettered, every consumer group's lag returns to 0.
 */
@org.junit.jupiter.api.Order(9) // the heavy ones last: the test store has no secondary indexes
class BrokerKillTest {

    private final Cluster cluster = Cluster.get();

    @Test
    void killingTheBrokerDuringABurstLosesAndDoublesNothing() {
        County county = new County("BRK", 10, 200, List.of(YearMonth.of(2026, 1), YearMonth.of(2026, 2),
                YearMonth.of(2026, 3), YearMonth.of(2026, 4), County.JUNE));
        county.register(cluster);
        var deadLettersBefore = cluster.deadLetters();
        List<County.Filing> filings = county.filings();
        assertThat(filings).hasSize(10_000);

        long start = System.nanoTime();
        long[] killedAt = new long[1];
        CompletableFuture<?>[] restart = new CompletableFuture<?>[1];
        // 20 batches of 500: the broker dies after the 6th and is started again (in the background) after the 10th.
        int accepted = county.file(cluster, filings, 500, batch -> {
            if (batch == 6) {
                cluster.killBroker();
                killedAt[0] = System.nanoTime();
            } else if (batch == 10) {
                restart[0] = CompletableFuture.runAsync(cluster::startBroker);
            }
        });
        assertThat(accepted).isEqualTo(10_000);
        restart[0].join();
        long downNanos = System.nanoTime() - killedAt[0];
        county.start(cluster);

        county.awaitAgreement(cluster, Duration.ofMinutes(25)); // about 27 events/s on the embedded store: issue 9
        cluster.awaitNoLag(Duration.ofMinutes(2));
        String settled = Results.seconds(start);
        assertThat(cluster.deadLetters()).isEqualTo(deadLettersBefore);

        // On the topic: each report exactly once as an event (a relay resend after the crash is the same event id).
        List<EventEnvelope> reports = cluster.records(List.of(Topics.REGISTRY_PROJECT_EVENTS),
                        k -> k.startsWith("BRK-")).stream().map(r -> EventCodec.decode(r.value()))
                .filter(e -> EventType.PROGRESS_REPORTED.type().equals(e.type())).toList();
        Set<String> distinct = reports.stream().map(EventEnvelope::id).collect(Collectors.toSet());
        assertThat(distinct).hasSize(10_000);

        Results.record("2. Broker killed", String.format("10,000 reports (2,000 projects × 5 months, 20 batches); "
                + "broker killed -9 after batch 6, restarted from batch 10 (down %.1f s). All 10,000 accepted; "
                + "10,000 distinct report events on the topic (%d records: %d resent by the relay, ignored by "
                + "consumers); 0 disagreements with the oracle for 2,000 projects and 10 units; 0 dead letters; "
                + "lag 0; everything settled %s after the first report",
                downNanos / 1e9, reports.size(), reports.size() - distinct.size(), settled));
    }
}
