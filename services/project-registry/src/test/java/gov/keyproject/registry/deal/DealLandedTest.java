package gov.keyproject.registry.deal;

import gov.keyproject.contracts.EventCodec;
import gov.keyproject.contracts.EventEnvelope;
import gov.keyproject.contracts.Topics;
import gov.keyproject.contracts.project.ProjectCategory;
import gov.keyproject.contracts.project.ProjectPhase;
import gov.keyproject.contracts.project.ProjectRegistered;
import gov.keyproject.contracts.promotion.DealLanded;
import gov.keyproject.devstack.TopicReader;
import gov.keyproject.platform.outbox.OutboxRelay;
import gov.keyproject.registry.RegistryIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static gov.keyproject.registry.RegistryFixtures.createUnit;
import static gov.keyproject.registry.RegistryFixtures.events;
import static gov.keyproject.registry.RegistryFixtures.eventsNow;
import static gov.keyproject.registry.RegistryFixtures.project;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** 招商落地 → 项目: the deal-landed event creates exactly one READY project linked to the deal, however often it comes. */
class DealLandedTest extends RegistryIntegrationTest {

    @Autowired
    OutboxRelay relay;

    @Test
    void aDealLandedTwiceCreatesOneProjectLinkedToTheDeal() {
        String unit = uniqueCode("ZN");
        createUnit(api(), operator(), unit, "DEVELOPMENT_ZONE");
        String dealId = uniqueCode("D");
        byte[] landed = landed(dealId, null, unit);
        try (TopicReader projects = new TopicReader(servers.kafkaBootstrap(), List.of(Topics.REGISTRY_PROJECT_EVENTS))) {
            TopicReader.send(servers.kafkaBootstrap(), Topics.PROMOTION_DEAL_EVENTS,
                    List.of(Map.entry(dealId, landed), Map.entry(dealId, landed)));

            String code = "ZS-" + dealId;
            List<EventEnvelope> registered = events(projects, code, 1);
            ProjectRegistered event = EventCodec.data(registered.get(0));
            assertThat(event.project().dealId()).isEqualTo(dealId);
            assertThat(event.project().phase()).isEqualTo(ProjectPhase.READY);
            assertThat(event.project().totalInvestment()).isEqualByComparingTo("30000");

            // A third delivery later on, then wait until the consumer has passed it (a marker deal behind it).
            String marker = uniqueCode("D");
            TopicReader.send(servers.kafkaBootstrap(), Topics.PROMOTION_DEAL_EVENTS,
                    List.of(Map.entry(dealId, landed), Map.entry(dealId, landed(marker, "ZS-" + marker, unit))));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> api().get("/api/v1/projects/ZS-" + marker, operator()).status() == 200);
            await().atMost(Duration.ofSeconds(10)).until(() -> relay.pendingCount() == 0);
            assertThat(eventsNow(projects, code)).hasSize(1);
            assertThat(api().get("/api/v1/projects?unit=" + unit, operator()).json().size()).isEqualTo(2);
        }
    }

    @Test
    void aLandedDealWhoseCodeIsTakenByAnotherProjectGoesToTheDeadLetterTopic() {
        String unit = uniqueCode("ZN");
        createUnit(api(), operator(), unit, "DEVELOPMENT_ZONE");
        String code = uniqueCode("P");
        assertThat(api().post("/api/v1/projects", operator(), project(code, unit)).status()).isEqualTo(201);
        String dealId = uniqueCode("D");
        String dlq = Topics.deadLetter(Topics.PROMOTION_DEAL_EVENTS, "project-registry");
        try (TopicReader dead = new TopicReader(servers.kafkaBootstrap(), List.of(dlq))) {
            TopicReader.send(servers.kafkaBootstrap(), Topics.PROMOTION_DEAL_EVENTS,
                    List.of(Map.entry(dealId, landed(dealId, code, unit))));
            await().atMost(Duration.ofSeconds(30)).until(() -> dead.poll().stream().anyMatch(r -> dealId.equals(r.key())));
        }
        assertThat(api().get("/api/v1/projects/" + code, operator()).json().get("dealId").isNull()).isTrue();
    }

    private static byte[] landed(String dealId, String projectCode, String unit) {
        return EventCodec.encode(EventCodec.wrap(new DealLanded(dealId, projectCode, "智能装备制造基地", "某某智能科技有限公司",
                "高端装备", ProjectCategory.INDUSTRIAL, unit, new BigDecimal("30000"), today(), today().plusMonths(2),
                null), "/keyproject/investment-promotion", 3, Instant.now(), null, null));
    }
}
