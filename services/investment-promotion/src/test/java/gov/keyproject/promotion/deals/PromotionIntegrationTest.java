package gov.keyproject.promotion.deals;

import gov.keyproject.devstack.ApiClient;
import gov.keyproject.devstack.TestServers;
import gov.keyproject.platform.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Base of the promotion service's integration tests: the application on a random port against the real broker and
 * the MongoDB-protocol server of this test JVM. All test classes share one context (same configuration).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class PromotionIntegrationTest {

    protected static final TestServers servers = TestServers.get();

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        servers.springProperties("promotion-it").forEach((k, v) -> registry.add(k, () -> v));
    }

    @Autowired
    private Environment environment;

    protected ApiClient api() {
        return new ApiClient(baseUrl());
    }

    protected String baseUrl() {
        return "http://127.0.0.1:" + environment.getProperty("local.server.port");
    }

    protected static String operator() {
        return servers.token("operator-li", null, Role.OPERATOR);
    }

    protected static String staff(String unit) {
        return servers.token("staff-" + unit, unit, Role.PROMOTION_STAFF);
    }

    protected static String unitSystem(String unit) {
        return servers.token("system-" + unit, unit, Role.UNIT_SYSTEM);
    }

    protected static String viewer() {
        return servers.token("viewer-zhao", null, Role.VIEWER);
    }

    protected static String statisticsFeed() {
        return servers.token("feed-tjj", null, Role.STATISTICS_FEED);
    }

    /** "Today" as the service sees it (its clock is in Asia/Shanghai). */
    protected static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    protected static String uniqueCode(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
    }
}
