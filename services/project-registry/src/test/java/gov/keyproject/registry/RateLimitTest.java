package gov.keyproject.registry;

import gov.keyproject.devstack.ApiClient;
import gov.keyproject.devstack.TestServers;
import gov.keyproject.platform.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static gov.keyproject.registry.RegistryIntegrationTest.uniqueCode;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-client rate limit (platform RateLimitFilter) at 5 requests/s with a burst of 5: one client sending faster
 * is refused with 429 problem+json and a Retry-After, and the refused request does nothing; another client calling
 * from the same address is unaffected. That the limit follows the JWT subject and not the address also proves the
 * filter runs after Spring Security has authenticated the request.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "keyproject.rate-limit.requests-per-second=5",
        "keyproject.rate-limit.burst=5",
        // This context tests the HTTP API only: its deal consumer stays off and out of the shared group.
        "spring.cloud.stream.bindings.dealEvents-in-0.group=project-registry-rate-limit-test",
        "spring.cloud.stream.bindings.dealEvents-in-0.consumer.auto-startup=false"})
@DirtiesContext
class RateLimitTest {

    private static final TestServers servers = TestServers.get();

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        servers.springProperties("registry-rate-limit").forEach((k, v) -> registry.add(k, () -> v));
    }

    @LocalServerPort
    int port;

    @Test
    void aClientOverItsLimitIsRefusedWith429WhileAnotherClientIsNot() {
        ApiClient api = new ApiClient("http://127.0.0.1:" + port).noRetry();
        String fast = servers.token("rate-client-fast", null, Role.OPERATOR);
        String other = servers.token("rate-client-other", null, Role.OPERATOR);

        String acceptedCode = null;
        String refusedCode = null;
        ApiClient.Response refused = null;
        int accepted = 0;
        for (int i = 0; i < 60 && refused == null; i++) {
            String code = uniqueCode("RL");
            ApiClient.Response r = api.post("/api/v1/units", fast,
                    Map.of("code", code, "name", "单位" + code, "kind", "DEVELOPMENT_ZONE"));
            if (r.status() == 429) {
                refused = r;
                refusedCode = code;
            } else {
                assertThat(r.status()).isEqualTo(201);
                accepted++;
                acceptedCode = code;
            }
        }
        assertThat(refused).as("a burst above 5/s is refused").isNotNull();
        assertThat(accepted).as("the burst of 5 passes").isGreaterThanOrEqualTo(5);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("title").asString()).isEqualTo("请求过于频繁");
        assertThat(refused.json().get("status").asInt()).isEqualTo(429);
        assertThat(refused.json().get("detail").asString()).contains("5 次");
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 2L);

        // Another subject from the same address has its own bucket; the refused request created nothing.
        assertThat(api.get("/api/v1/units/" + refusedCode, other).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/units/" + acceptedCode, other).status()).isEqualTo(200);

        String prometheus = api.get("/actuator/prometheus", null).body();
        assertThat(metric(prometheus, "keyproject_rate_limited_total")).isGreaterThanOrEqualTo(1.0);
    }

    static double metric(String prometheus, String name) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*\\})? (\\S+)$").matcher(prometheus);
        assertThat(m.find()).as(name + " in /actuator/prometheus").isTrue();
        return Double.parseDouble(m.group(2));
    }
}
