package gov.keyproject.reliability;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 1. Every event delivered twice, plus random redeliveries out of order, to every consumer: figures, colours, notices
 * and rankings still equal the oracle; and a later correction still gets through.
 */
@org.junit.jupiter.api.Order(1) // the heavy ones last: the test store has no secondary indexes
class DuplicateDeliveryTest {

    private final Cluster cluster = Cluster.get();

    @Test
    void everyEventTwiceAndRandomRedeliveriesChangeNothing() {
        County county = new County("DUP", 4, 15, List.of(YearMonth.of(2026, 3), YearMonth.of(2026, 4), County.JUNE));
        county.register(cluster);
        county.file(cluster, county.filings(), 500, batch -> { });
        county.start(cluster);
        county.awaitAgreement(cluster, Duration.ofMinutes(3));
        var deadLettersBefore = cluster.deadLetters();

        // Every record of the county on every event topic, sent again; a random third of them a third time, shuffled.
        List<String> topics = cluster.endOffsets().keySet().stream().map(tp -> tp.topic()).distinct()
                .filter(t -> !t.endsWith(".dlq") && !t.startsWith("console.") && !t.startsWith("__")).toList();
        List<ConsumerRecord<String, byte[]>> records = cluster.records(topics, k -> k.startsWith("DUP-"));
        Random random = new Random(20260701L);
        List<ConsumerRecord<String, byte[]>> again = new ArrayList<>(records);
        List<ConsumerRecord<String, byte[]>> extra = new ArrayList<>(records.stream()
                .filter(r -> random.nextInt(3) == 0).toList());
        Collections.shuffle(extra, random);
        again.addAll(extra);
        long start = System.nanoTime();
        cluster.resend(again);
        cluster.awaitNoLag(Duration.ofSeconds(120));
        assertThat(county.disagreements(cluster)).isEmpty();

        // A correction after the duplicates: June +30 keeps each colour band, and must still be applied once.
        List<County.Filing> corrections = new ArrayList<>();
        for (String code : county.projects.keySet()) {
            BigDecimal june = county.completed.get(code).divide(BigDecimal.valueOf(3), 2,
                    java.math.RoundingMode.UNNECESSARY);
            corrections.add(new County.Filing(code, County.JUNE, june.add(BigDecimal.valueOf(30))));
            county.completed.merge(code, BigDecimal.valueOf(30), BigDecimal::add);
        }
        county.file(cluster, corrections, 500, batch -> { });
        county.awaitAgreement(cluster, Duration.ofMinutes(3));
        assertThat(cluster.deadLetters()).isEqualTo(deadLettersBefore);

        Results.record("1. Duplicates", String.format("%d events of %d projects redelivered %d times (every one twice, "
                + "%d a third time, shuffled) to all 4 consumer groups on %d topics; then %d corrections. 0 "
                + "disagreements with the oracle (figures, colours, notices, scores); 0 new dead letters; lag 0 "
                + "%s after the redelivery",
                records.size(), county.projects.size(), again.size(), extra.size(), topics.size(), corrections.size(),
                Results.seconds(start)));
    }
}
