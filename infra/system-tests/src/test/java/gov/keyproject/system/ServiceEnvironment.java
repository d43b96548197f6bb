package gov.keyproject.system;

import gov.keyproject.devstack.TestServers;

import java.util.HashMap;
import java.util.Map;

/** The environment a service process gets in these tests: this JVM's broker, store and token key, a quick outbox. */
final class ServiceEnvironment {

    private ServiceEnvironment() {
    }

    /** A mutable map, so a test can add its own variables; {@code database} null for the console (no store). */
    static Map<String, String> of(TestServers servers, String database) {
        Map<String, String> spring = servers.springProperties(database == null ? "unused" : database);
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", servers.kafkaBootstrap());
        env.put("MONGODB_URI", servers.mongoUri());
        if (database != null) {
            env.put("MONGODB_DATABASE", database);
        }
        env.put("JWT_PUBLIC_KEY_LOCATION", spring.get("spring.security.oauth2.resourceserver.jwt.public-key-location"));
        env.put("KEYPROJECT_OUTBOX_SWEEPINTERVAL", "500ms");
        env.put("KEYPROJECT_OUTBOX_SWEEPGRACE", "1s");
        return env;
    }
}
