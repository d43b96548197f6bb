package gov.keyproject.assessment.bulletins;

import gov.keyproject.assessment.bulletin.BulletinPage;
import gov.keyproject.assessment.bulletin.BulletinReport;
import gov.keyproject.assessment.bulletin.BulletinWorkbook;
import gov.keyproject.contracts.DomainEvent;
import gov.keyproject.contracts.EventCodec;
import gov.keyproject.contracts.EventEnvelope;
import gov.keyproject.contracts.Topics;
import gov.keyproject.contracts.UnitKind;
import gov.keyproject.contracts.assessment.BulletinPublished;
import gov.keyproject.contracts.assessment.RankingPublished;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rebuilds a past bulletin from the event history alone: reads {@code assessment.ranking-events.v1} from the
 * beginning, takes the period's {@link BulletinPublished} and the rankings it pins (and the previous bulletin's),
 * and renders the exports again. Nothing is read from the database, so a rebuild that matches the digests issued
 * proves the bulletin can be reproduced exactly.
 */
@Component
public class BulletinHistory {

    /** What a rebuild produced, and whether it matches what was issued. */
    public record Rebuilt(YearMonth period, long eventsRead, String issuedXlsxSha256, String rebuiltXlsxSha256,
                          String issuedHtmlSha256, String rebuiltHtmlSha256, byte[] xlsx, byte[] html) {
        public boolean identical() {
            return issuedXlsxSha256.equals(rebuiltXlsxSha256) && issuedHtmlSha256.equals(rebuiltHtmlSha256);
        }
    }

    private final String brokers;

    BulletinHistory(@Value("${keyproject.brokers:${spring.cloud.stream.kafka.binder.brokers:localhost:9092}}")
                    String brokers) {
        this.brokers = brokers;
    }

    public Optional<Rebuilt> rebuild(YearMonth period) {
        Map<String, BulletinPublished> bulletins = new HashMap<>();
        Map<String, RankingPublished> rankings = new HashMap<>();
        long read = 0;
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(Topics.ASSESSMENT_RANKING_EVENTS, Duration.ofSeconds(10));
            if (infos == null || infos.isEmpty()) {
                return Optional.empty();
            }
            List<TopicPartition> partitions = infos.stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            while (partitions.stream().anyMatch(p -> consumer.position(p, Duration.ofSeconds(10)) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    read++;
                    EventEnvelope envelope = EventCodec.decode(record.value());
                    DomainEvent data = EventCodec.data(envelope);
                    if (data instanceof BulletinPublished b) {
                        bulletins.putIfAbsent(b.period().toString(), b);
                    } else if (data instanceof RankingPublished r) {
                        rankings.put(r.period() + "|" + r.sequence() + "|" + r.version(), r);
                    }
                }
            }
        }
        BulletinPublished bulletin = bulletins.get(period.toString());
        if (bulletin == null) {
            return Optional.empty();
        }
        BulletinPublished previous = bulletins.get(period.minusMonths(1).toString());
        BulletinReport report = new BulletinReport(Bulletins.forRendering(bulletin), pinned(bulletin, rankings),
                previous == null ? Map.of() : pinned(previous, rankings));
        byte[] xlsx = BulletinWorkbook.render(report);
        byte[] html = BulletinPage.render(report).getBytes(StandardCharsets.UTF_8);
        return Optional.of(new Rebuilt(period, read, bulletin.xlsxSha256(), Bulletins.sha256(xlsx),
                bulletin.htmlSha256(), Bulletins.sha256(html), xlsx, html));
    }

    private static Map<UnitKind, RankingPublished> pinned(BulletinPublished bulletin,
                                                          Map<String, RankingPublished> rankings) {
        Map<UnitKind, RankingPublished> pinned = new EnumMap<>(UnitKind.class);
        bulletin.rankingVersions().forEach((kind, version) -> {
            RankingPublished r = rankings.get(bulletin.period() + "|" + kind + "|" + version);
            if (r == null) {
                throw new IllegalStateException("the history lacks ranking " + kind + " v" + version + " of "
                        + bulletin.period());
            }
            pinned.put(kind, r);
        });
        return pinned;
    }
}
