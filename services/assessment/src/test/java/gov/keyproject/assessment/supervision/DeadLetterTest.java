package gov.keyproject.assessment.supervision;

import gov.keyproject.assessment.AssessmentIntegrationTest;
import gov.keyproject.assessment.Inputs;
import gov.keyproject.contracts.Topics;
import gov.keyproject.contracts.UnitKind;
import gov.keyproject.contracts.project.ProjectRegistered;
import gov.keyproject.contracts.promotion.FundsArrived;
import gov.keyproject.contracts.registry.UnitRegistered;
import gov.keyproject.devstack.TopicReader;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A record assessment cannot read goes, after its retries, to the consumer's dead-letter topic with the reason, and
 * the records after it are still applied; a redelivered deal event changes nothing.
 */
class DeadLetterTest extends AssessmentIntegrationTest {

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndLaterEventsStillApply() {
        clock.setDay(LocalDate.of(2026, 3, 10));
        String unit = unique("TS");
        String poisonKey = unique("POISON");
        Inputs.Project p = new Inputs.Project(unique("P"), unit, 2026, "600", LocalDate.of(2026, 2, 1),
                LocalDate.of(2026, 1, 5));
        String dlq = Topics.deadLetter(Topics.REGISTRY_PROJECT_EVENTS, "assessment");
        try (TopicReader dead = new TopicReader(servers.kafkaBootstrap(), List.of(dlq))) {
            TopicReader.send(servers.kafkaBootstrap(), Topics.REGISTRY_PROJECT_EVENTS,
                    List.of(Map.entry(poisonKey, "{not an event".getBytes(StandardCharsets.UTF_8))));
            publish("/keyproject/project-registry", new UnitRegistered(unit, "测试镇", UnitKind.TOWNSHIP), 1);
            publish("/keyproject/project-registry", new ProjectRegistered(p.snapshot()), p.next());
            await().atMost(Duration.ofSeconds(60)).until(() -> dead.poll().stream()
                    .anyMatch(r -> poisonKey.equals(r.key())));
            await().atMost(Duration.ofSeconds(30)).until(
                    () -> api().get("/api/v1/projects/" + p.code + "/warning", viewer()).status() == 200);
        }
    }

    @Test
    void aRedeliveredDealEventChangesNothing() {
        clock.setDay(LocalDate.of(2026, 3, 10));
        String unit = unique("DP");
        String deal = unique("D");
        publish("/keyproject/project-registry", new UnitRegistered(unit, "招商局" + unit, UnitKind.DEPARTMENT), 1);
        gov.keyproject.contracts.promotion.DealSigned signed = new gov.keyproject.contracts.promotion.DealSigned(deal,
                unit, new BigDecimal("1000"), LocalDate.of(2026, 1, 10));
        FundsArrived funds = new FundsArrived(deal, unit, LocalDate.of(2026, 2, 1), new BigDecimal("400"),
                new BigDecimal("400"), new BigDecimal("1000"));
        publish("/keyproject/investment-promotion", List.of(Map.entry(signed, 1L), Map.entry(funds, 2L),
                Map.entry(funds, 2L), Map.entry(signed, 1L)));
        // A later event of the same deal (same partition): once it shows, the duplicates before it were handled.
        publish("/keyproject/investment-promotion", List.of(Map.entry(new FundsArrived(deal, unit,
                LocalDate.of(2026, 2, 15), new BigDecimal("100"), new BigDecimal("500"), new BigDecimal("1000")), 3L)));
        var entry = await().atMost(Duration.ofSeconds(30)).until(
                () -> SupervisionFlowTest.entry(api().get("/api/v1/rankings/DEPARTMENT", viewer()).json(), unit),
                e -> e != null && e.get("rank") != null && !e.get("rank").isNull()
                        && e.get("components").get(2).get("numerator").decimalValue().signum() > 0
                        && e.get("components").get(2).get("numerator").decimalValue().compareTo(
                                new BigDecimal("400")) != 0);
        var fundsComponent = entry.get("components").get(2);
        assertThat(fundsComponent.get("component").asString()).isEqualTo("FUNDS");
        assertThat(fundsComponent.get("numerator").decimalValue()).isEqualByComparingTo("500");
        assertThat(fundsComponent.get("denominator").decimalValue()).isEqualByComparingTo("1000");
        // 资金到位率 is the only component that applies: 50 % of 100 points (not 90 % from a doubled 400).
        assertThat(entry.get("score").decimalValue()).isEqualByComparingTo("50");
    }
}
