package gov.keyproject.statistics;

import gov.keyproject.devstack.ApiClient;
import gov.keyproject.devstack.TestServers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Base of the statistics service's integration tests: real broker and store of this test JVM, one shared context. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class StatisticsIntegrationTest {

    protected static final TestServers servers = TestServers.get();

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        servers.springProperties("statistics-it").forEach((k, v) -> registry.add(k, () -> v));
    }

    @Autowired
    private Environment environment;

    protected ApiClient api() {
        return new ApiClient(baseUrl());
    }

    protected String baseUrl() {
        return "http://127.0.0.1:" + environment.getProperty("local.server.port");
    }

    protected static String uniqueCode(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
    }
}
