package gov.keyproject.assessment.standings;

import gov.keyproject.assessment.AssessmentIntegrationTest;
import gov.keyproject.assessment.Documents;
import gov.keyproject.assessment.ranking.Contribution;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A unit's tally on the real store: the sum moves by the difference, once; the same contribution again changes
 * nothing; sources spread over the unit's shards and the total adds them up; puts racing on one shard each land once;
 * tallies of the earlier form are dropped when the component starts.
 */
class TalliesTest extends AssessmentIntegrationTest {

    private static final YearMonth PERIOD = YearMonth.of(2026, 2);

    @Autowired
    private Tallies tallies;

    @Autowired
    private MongoTemplate mongo;

    @Test
    void aPutMovesTheSumByTheDifferenceAndTheSameContributionAgainChangesNothing() {
        String unit = unit();
        assertThat(tallies.put(PERIOD, unit, "P:A", amount(100))).isTrue();
        assertThat(tallies.put(PERIOD, unit, "P:B", amount(50))).isTrue();
        assertThat(total(unit)).isEqualByComparingTo("150");
        assertThat(tallies.put(PERIOD, unit, "P:A", amount(120))).isTrue();
        assertThat(tallies.put(PERIOD, unit, "P:A", amount(120))).isFalse();
        assertThat(total(unit)).isEqualByComparingTo("170");
        assertThat(tallies.put(PERIOD, unit, "P:B", Contribution.NONE)).isTrue();
        assertThat(tallies.put(PERIOD, unit, "P:B", Contribution.NONE)).isFalse();
        assertThat(total(unit)).isEqualByComparingTo("120");
        Document shardOfB = mongo.findById(Tallies.id(PERIOD, unit, Tallies.shard("P:B")), Document.class,
                Tallies.COLLECTION);
        assertThat(shardOfB.get("sources", Document.class)).doesNotContainKey("P:B");
    }

    @Test
    void sourcesSpreadOverTheUnitsShardsAndTheTotalAddsThemUp() {
        String unit = unit();
        String other = unit();
        for (int i = 0; i < 200; i++) {
            tallies.put(PERIOD, unit, "P:SH-" + i + ".01", amount(i));
        }
        tallies.put(PERIOD, other, "P:SH-0.01", amount(7));
        List<Document> shards = mongo.find(new Query(Criteria.where("unitCode").is(unit)), Document.class,
                Tallies.COLLECTION);
        // 200 sources over 8 shards: about 25 each; none holds most of them.
        assertThat(shards).hasSize(Tallies.SHARDS);
        assertThat(shards).allSatisfy(d -> assertThat(d.get("sources", Document.class)).hasSizeLessThan(50));
        var totals = tallies.totals(PERIOD, List.of(unit, other, "TL-NONE"));
        assertThat(totals.get(unit).ytdCompleted()).isEqualByComparingTo("19900"); // 0 + 1 + … + 199
        assertThat(totals.get(other).ytdCompleted()).isEqualByComparingTo("7");
        assertThat(totals).doesNotContainKey("TL-NONE");
        assertThat(tallies.totals(PERIOD.plusMonths(1), List.of(unit))).isEmpty();
    }

    @Test
    void putsRacingOnOneShardEachLandOnce() throws Exception {
        String unit = unit();
        // Sources of one shard, so every put contends for the same document.
        List<String> sources = new ArrayList<>();
        for (int i = 0; sources.size() < 8; i++) {
            if (Tallies.shard("P:R" + i) == Tallies.shard("P:R0")) {
                sources.add("P:R" + i);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<Boolean>> puts = new ArrayList<>();
            for (int round = 1; round <= 5; round++) {
                int amount = round * 10;
                for (String source : sources) {
                    puts.add(CompletableFuture.supplyAsync(() -> tallies.put(PERIOD, unit, source, amount(amount)),
                            pool));
                }
                CompletableFuture.allOf(puts.toArray(CompletableFuture[]::new)).join();
            }
            assertThat(puts).allMatch(CompletableFuture::join);
        } finally {
            pool.shutdown();
        }
        assertThat(total(unit)).isEqualByComparingTo("400"); // 8 sources at 50 each
    }

    @Test
    void talliesOfTheEarlierFormAreDroppedAtStart() {
        String unit = unit();
        mongo.insert(new Document("_id", PERIOD + "|" + unit).append("period", PERIOD.toString())
                .append("unitCode", unit).append("version", 3L).append("total", Documents.of(amount(160)))
                .append("sources", new Document("P:A", Documents.of(amount(160)))), Tallies.COLLECTION);
        mongo.insert(new Document("_id", PERIOD + "|" + unit + "|P:A").append("value", Documents.of(amount(160))),
                "contributions");
        tallies.put(PERIOD, unit, "P:B", amount(5));

        assertThat(new Tallies(mongo).droppedEarlierForm()).isTrue(); // so the start-up sweep runs
        assertThat(new Tallies(mongo).droppedEarlierForm()).isFalse();

        assertThat(mongo.findById(PERIOD + "|" + unit, Document.class, Tallies.COLLECTION)).isNull();
        assertThat(mongo.collectionExists("contributions")).isFalse();
        assertThat(total(unit)).isEqualByComparingTo("5");
    }

    private static Contribution amount(int ytd) {
        return new Contribution(new BigDecimal(ytd), BigDecimal.ZERO, 0, 0, 0, 0, 0, 0, BigDecimal.ZERO,
                BigDecimal.ZERO, 0, 0, 0, 0, 0);
    }

    private static String unit() {
        return "TL-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private BigDecimal total(String unit) {
        return tallies.totals(PERIOD, List.of(unit)).get(unit).ytdCompleted();
    }
}
