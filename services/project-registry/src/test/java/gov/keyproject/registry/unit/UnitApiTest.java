package gov.keyproject.registry.unit;

import gov.keyproject.contracts.EventCodec;
import gov.keyproject.contracts.EventEnvelope;
import gov.keyproject.contracts.Topics;
import gov.keyproject.contracts.UnitKind;
import gov.keyproject.contracts.registry.UnitChanged;
import gov.keyproject.contracts.registry.UnitRegistered;
import gov.keyproject.devstack.ApiClient;
import gov.keyproject.devstack.TopicReader;
import gov.keyproject.platform.outbox.OutboxRelay;
import gov.keyproject.registry.RegistryIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class UnitApiTest extends RegistryIntegrationTest {

    @Autowired
    OutboxRelay relay;

    private TopicReader topic;

    @BeforeEach
    void readTopic() {
        topic = new TopicReader(servers.kafkaBootstrap(), List.of(Topics.REGISTRY_UNIT_EVENTS));
    }

    @AfterEach
    void close() {
        topic.close();
    }

    @Test
    void registeringAUnitStoresItAndPublishesExactlyOneEvent() {
        String code = uniqueCode("TS");
        ApiClient.Response created = api().post("/api/v1/units", operator(),
                Map.of("code", code, "name", "城关镇", "kind", "TOWNSHIP"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/units/" + code);
        assertThat(api().get("/api/v1/units/" + code, viewer()).json().get("name").asString()).isEqualTo("城关镇");

        List<EventEnvelope> events = awaitEvents(code, 1);
        EventEnvelope event = events.get(0);
        assertThat(event.type()).isEqualTo("gov.keyproject.registry.UnitRegistered.v1");
        assertThat(event.subject()).isEqualTo(code);
        assertThat(event.sequence()).isEqualTo(1);
        assertThat(event.source()).isEqualTo("/keyproject/project-registry");
        assertThat((Object) EventCodec.data(event)).isEqualTo(new UnitRegistered(code, "城关镇", UnitKind.TOWNSHIP));
        // The relay has marked it sent, and nothing further is published for this unit.
        await().atMost(Duration.ofSeconds(10)).until(() -> relay.pendingCount() == 0);
        assertThat(eventsFor(code)).hasSize(1);
    }

    @Test
    void aChangeIsTrailedAndPublishedWithTheNextSequence() {
        String code = uniqueCode("DP");
        api().post("/api/v1/units", operator(), Map.of("code", code, "name", "住建局", "kind", "DEPARTMENT"));
        ApiClient.Response changed = api().put("/api/v1/units/" + code, operator(),
                Map.of("name", "住房和城乡建设局", "kind", "DEPARTMENT"));
        assertThat(changed.status()).isEqualTo(200);

        List<EventEnvelope> events = awaitEvents(code, 2);
        assertThat(events).extracting(EventEnvelope::sequence).containsExactly(1L, 2L);
        assertThat((Object) EventCodec.data(events.get(1)))
                .isEqualTo(new UnitChanged(code, "住房和城乡建设局", UnitKind.DEPARTMENT));

        var trail = api().get("/api/v1/units/" + code + "/trail", viewer()).json();
        assertThat(trail.size()).isEqualTo(2);
        assertThat(trail.get(1).get("actor").asString()).isEqualTo("operator-li");
        assertThat(trail.get(1).get("changes").get("name").get("from").asString()).isEqualTo("住建局");
        assertThat(trail.get(1).get("changes").get("name").get("to").asString()).isEqualTo("住房和城乡建设局");
    }

    @Test
    void aUnitSystemMaintainsItsOwnContactButNotAnotherUnits() {
        String own = uniqueCode("TS");
        String other = uniqueCode("TS");
        api().post("/api/v1/units", operator(), Map.of("code", own, "name", "东城街道", "kind", "TOWNSHIP"));
        api().post("/api/v1/units", operator(), Map.of("code", other, "name", "西城街道", "kind", "TOWNSHIP"));
        Map<String, String> contact = Map.of("contactPerson", "王主任", "contactPhone", "0531-88881234");

        assertThat(api().put("/api/v1/units/" + own + "/contact", unitSystem(own), contact).status()).isEqualTo(200);

        ApiClient.Response refused = api().put("/api/v1/units/" + other + "/contact", unitSystem(own), contact);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("title").asString()).isEqualTo("无权操作");
        assertThat(api().get("/api/v1/units/" + other, viewer()).json().get("contactPerson").isNull()).isTrue();
        assertThat(awaitEvents(own, 2)).hasSize(2);
        assertThat(awaitEvents(other, 1)).hasSize(1);
    }

    @Test
    void withoutATokenTheAnswerIs401AndNothingChanges() {
        String code = uniqueCode("TS");
        ApiClient.Response r = api().post("/api/v1/units", null, Map.of("code", code, "name", "南关镇", "kind",
                "TOWNSHIP"));
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("title").asString()).isEqualTo("未认证");
        assertThat(api().get("/api/v1/units/" + code, viewer()).status()).isEqualTo(404);

        ApiClient.Response forged = api().post("/api/v1/units", "not.a.jwt", Map.of("code", code, "name", "南关镇",
                "kind", "TOWNSHIP"));
        assertThat(forged.status()).isEqualTo(401);
    }

    @Test
    void viewersAndUnitSystemsCannotRegisterUnits() {
        String code = uniqueCode("TS");
        Map<String, String> body = Map.of("code", code, "name", "北关镇", "kind", "TOWNSHIP");
        for (String token : List.of(viewer(), unitSystem(code))) {
            ApiClient.Response r = api().post("/api/v1/units", token, body);
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
        assertThat(api().get("/api/v1/units/" + code, viewer()).status()).isEqualTo(404);
        assertThat(eventsFor(code)).isEmpty();
    }

    @Test
    void badInputIsRefusedFieldByFieldAndStoresNothing() {
        Map<String, Object> cases = Map.of(
                "code", Map.of("code", "坏编码!", "name", "某镇", "kind", "TOWNSHIP"),
                "kind", Map.of("code", "OK-1", "name", "某镇", "kind", "PROVINCE"),
                "name", Map.of("code", "OK-2", "name", "", "kind", "TOWNSHIP"));
        cases.forEach((field, body) -> {
            ApiClient.Response r = api().post("/api/v1/units", operator(), body);
            assertThat(r.status()).as(field).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().get("errors").get(0).get("field").asString()).as(field).isEqualTo(field);
        });
        ApiClient.Response notJson = api().send("POST", "/api/v1/units", operator(), "{\"code\":", "application/json");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.contentType()).startsWith("application/problem+json");
        assertThat(api().get("/api/v1/units/OK-1", viewer()).status()).isEqualTo(404);
        assertThat(api().get("/api/v1/units/OK-2", viewer()).status()).isEqualTo(404);
    }

    @Test
    void registeringTheSameCodeTwiceIsAConflict() {
        String code = uniqueCode("ZN");
        Map<String, String> body = Map.of("code", code, "name", "经济开发区", "kind", "DEVELOPMENT_ZONE");
        assertThat(api().post("/api/v1/units", operator(), body).status()).isEqualTo(201);
        ApiClient.Response again = api().post("/api/v1/units", operator(), body);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("unitCode").asString()).isEqualTo(code);
        assertThat(awaitEvents(code, 1)).hasSize(1);
    }

    private List<EventEnvelope> awaitEvents(String code, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> eventsFor(code).size() >= count);
        await().atMost(Duration.ofSeconds(10)).until(() -> relay.pendingCount() == 0);
        return eventsFor(code);
    }

    private List<EventEnvelope> eventsFor(String code) {
        return topic.poll().stream().filter(r -> code.equals(r.key()))
                .map(r -> EventCodec.decode(r.value())).toList();
    }
}
