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
import org.springframework.data.mongodb.core.query.Update;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A unit's tally on the real store: the sum moves by the difference, once, also when a put was interrupted between
 * its writes (the states a crash leaves are written here directly), and tallies in the earlier form (every
 * contribution inside the tally) are taken over as they are touched.
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
        assertThat(total(unit)).isEqualByComparingTo("120");
        assertThat(contribution(unit, "P:B")).isNull();
        Document tally = tally(unit);
        assertThat(tally.get("pending", Document.class)).isEmpty();
        assertThat(tally.keySet()).doesNotContain("sources");
    }

    @Test
    void aPutInterruptedAfterTheSumMovedIsFinishedByTheNextPutWithoutMovingItAgain() {
        String unit = unit();
        tallies.put(PERIOD, unit, "P:A", amount(100));
        // As if put(P:A, 130) had stopped after its first write: the sum moved, the move pending, the source still 100.
        interruptAfterTheSumMoved(unit, "P:A", 130, 130);
        assertThat(tallies.put(PERIOD, unit, "P:A", amount(130))).isFalse();
        assertThat(total(unit)).isEqualByComparingTo("130");
        assertThat(contributionAmount(unit, "P:A")).isEqualByComparingTo("130");
        assertThat(tally(unit).get("pending", Document.class)).isEmpty();

        interruptAfterTheSumMoved(unit, "P:A", 170, 170);
        assertThat(tallies.put(PERIOD, unit, "P:A", amount(150))).isTrue();
        assertThat(total(unit)).isEqualByComparingTo("150");
        assertThat(contributionAmount(unit, "P:A")).isEqualByComparingTo("150");
    }

    @Test
    void aPutInterruptedAfterTheContributionWasWrittenIsFinishedOnce() {
        String unit = unit();
        tallies.put(PERIOD, unit, "P:A", amount(100));
        interruptAfterTheSumMoved(unit, "P:A", 140, 140);
        mongo.upsert(new Query(Criteria.where("_id").is(Tallies.contributionId(PERIOD, unit, "P:A"))),
                new Update().set("value", Documents.of(amount(140))), Tallies.CONTRIBUTIONS);
        assertThat(tallies.put(PERIOD, unit, "P:A", amount(140))).isFalse();
        assertThat(total(unit)).isEqualByComparingTo("140");
        assertThat(tally(unit).get("pending", Document.class)).isEmpty();
    }

    @Test
    void aTallyThatStillHoldsItsContributionsIsTakenOverSourceBySource() {
        String unit = unit();
        mongo.insert(new Document("_id", Tallies.id(PERIOD, unit)).append("period", PERIOD.toString())
                .append("unitCode", unit).append("version", 3L).append("total", Documents.of(amount(160)))
                .append("sources", new Document("P:A", Documents.of(amount(100))).append("P:B",
                        Documents.of(amount(60)))), Tallies.COLLECTION);
        assertThat(tallies.put(PERIOD, unit, "P:A", amount(100))).isFalse();
        assertThat(tallies.put(PERIOD, unit, "P:A", amount(120))).isTrue();
        assertThat(total(unit)).isEqualByComparingTo("180");
        assertThat(tally(unit).get("sources", Document.class).keySet()).containsExactly("P:B");
        assertThat(tallies.put(PERIOD, unit, "P:B", amount(10))).isTrue();
        assertThat(total(unit)).isEqualByComparingTo("130");
        assertThat(tallies.totals(PERIOD, List.of(unit)).get(unit).ytdCompleted()).isEqualByComparingTo("130");
    }

    /** Writes what a put of {@code to} leaves when it stops after its first write: the sum at {@code total}. */
    private void interruptAfterTheSumMoved(String unit, String source, int to, int total) {
        Document tally = tally(unit);
        mongo.updateFirst(new Query(Criteria.where("_id").is(Tallies.id(PERIOD, unit))), new Update()
                .set("total", Documents.of(amount(total))).set("version", tally.get("version", Number.class)
                        .longValue() + 1).set("pending." + source, new Document("to", Documents.of(amount(to)))),
                Tallies.COLLECTION);
    }

    private static Contribution amount(int ytd) {
        return new Contribution(new BigDecimal(ytd), BigDecimal.ZERO, 0, 0, 0, 0, 0, 0, BigDecimal.ZERO,
                BigDecimal.ZERO, 0, 0, 0, 0, 0);
    }

    private static String unit() {
        return "TL-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private Document tally(String unit) {
        return mongo.findById(Tallies.id(PERIOD, unit), Document.class, Tallies.COLLECTION);
    }

    private BigDecimal total(String unit) {
        return Documents.read(tally(unit).get("total"), Contribution.class).ytdCompleted();
    }

    private Document contribution(String unit, String source) {
        return mongo.findById(Tallies.contributionId(PERIOD, unit, source), Document.class, Tallies.CONTRIBUTIONS);
    }

    private BigDecimal contributionAmount(String unit, String source) {
        return Documents.read(contribution(unit, source).get("value"), Contribution.class).ytdCompleted();
    }
}
