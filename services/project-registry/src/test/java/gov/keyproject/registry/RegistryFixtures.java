package gov.keyproject.registry;

import gov.keyproject.contracts.EventCodec;
import gov.keyproject.contracts.EventEnvelope;
import gov.keyproject.devstack.ApiClient;
import gov.keyproject.devstack.TopicReader;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Builders of realistic requests and a reader of one aggregate's events, for the registry's integration tests. */
public final class RegistryFixtures {

    private RegistryFixtures() {
    }

    /** A valid registration body; override fields with {@code with}. */
    public static Map<String, Object> project(String code, String unit) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("name", "城东新能源电池产业园一期");
        body.put("category", "INDUSTRIAL");
        body.put("level", "MUNICIPAL");
        body.put("constructionType", "NEW");
        body.put("totalInvestment", 52000);
        body.put("plannedInvestment", Map.of("2026", 18000, "2027", 34000));
        body.put("plannedStart", "2026-03-01");
        body.put("plannedCompletion", "2027-12-31");
        body.put("township", "城关镇");
        body.put("unitCode", unit);
        body.put("linkedLeader", "李副县长");
        body.put("owner", "某某新能源有限公司");
        body.put("phase", "READY");
        return body;
    }

    public static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    public static Map<String, Object> report(Object amount) {
        Map<String, Object> body = new HashMap<>();
        body.put("investmentCompleted", amount);
        body.put("workUnderWay", true);
        body.put("imageProgress", "主体结构施工至第 6 层");
        body.put("imageProgressPercent", 45);
        return body;
    }

    public static void createUnit(ApiClient api, String operatorToken, String code, String kind) {
        int status = api.post("/api/v1/units", operatorToken, Map.of("code", code, "name", "单位" + code, "kind", kind))
                .status();
        assertThat(status).isIn(201, 409);
    }

    /** Events of one key on a topic, once at least {@code atLeast} have arrived. */
    public static List<EventEnvelope> events(TopicReader reader, String key, int atLeast) {
        await().atMost(Duration.ofSeconds(30)).until(() -> eventsNow(reader, key).size() >= atLeast);
        return eventsNow(reader, key);
    }

    public static List<EventEnvelope> eventsNow(TopicReader reader, String key) {
        return reader.poll().stream().filter(r -> key.equals(r.key())).map(r -> EventCodec.decode(r.value()))
                .toList();
    }
}
