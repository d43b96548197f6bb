package gov.keyproject.reliability;

import gov.keyproject.devstack.ServiceProcess.Service;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 3. Each consumer service in turn is killed (-9) while events stream to it, and started again: after catching up,
 * the figures, colours, notices and scores are exact.
 */
@org.junit.jupiter.api.Order(7) // the heavy ones last: the test store has no secondary indexes
class ServiceKillTest {

    private final Cluster cluster = Cluster.get();

    @Test
    void eachConsumerKilledMidStreamCatchesUpExactly() {
        County county = new County("SVC", 5, 100, List.of(YearMonth.of(2026, 3), YearMonth.of(2026, 4),
                County.JUNE));
        county.register(cluster);
        var deadLettersBefore = cluster.deadLetters();
        long start = System.nanoTime();
        // 15 batches of 100 reports; statistics, assessment and promotion die while the events flow and are started
        // again at once (catching up while the burst goes on); the registry, also a consumer (of deal events), dies
        // between two batches and the filing waits for it.
        Map<Integer, Service> killAfter = Map.of(2, Service.INVESTMENT_STATISTICS, 5, Service.ASSESSMENT,
                8, Service.INVESTMENT_PROMOTION, 11, Service.PROJECT_REGISTRY);
        List<String> killed = new ArrayList<>();
        int accepted = county.file(cluster, county.filings(), 100, batch -> {
            Service victim = killAfter.get(batch);
            if (victim == null) {
                return;
            }
            cluster.kill(victim);
            killed.add(victim.id);
            var restarted = cluster.start(victim, Map.of());
            if (victim == Service.PROJECT_REGISTRY) {
                restarted.awaitReady(Duration.ofSeconds(180));
            }
        });
        assertThat(accepted).isEqualTo(1_500);
        for (Service s : Cluster.SERVICES) {
            cluster.service(s).awaitReady(Duration.ofSeconds(180));
        }
        county.start(cluster);

        county.awaitAgreement(cluster, Duration.ofMinutes(8));
        cluster.awaitNoLag(Duration.ofMinutes(2));
        assertThat(cluster.deadLetters()).isEqualTo(deadLettersBefore);
        Results.record("3. Service killed", String.format("1,500 reports and 500 starts for 500 projects; killed -9 "
                + "mid-stream and restarted in turn: %s. 0 disagreements with the oracle after catch-up (figures, "
                + "colours, notices, scores of 5 units); 0 dead letters; lag 0; settled %s after the first report",
                String.join(", ", killed), Results.seconds(start)));
    }
}
