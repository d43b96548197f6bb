package gov.keyproject.devstack;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml cannot be run on machines without Docker, so this test keeps it honest: it reads the compose file
 * next to the applications' own configuration ({@code services/<name>/src/main/resources/application.yml} and
 * {@code keyproject-defaults.yml}, which every service imports) and checks that the two agree.
 * Every failure names the compose service and the variable or setting at fault.
 */
class ComposeFileTest {

    /** Surefire runs with the module directory (infra/devstack) as working directory. */
    private static final Path COMPOSE_FILE = Path.of("../../docker-compose.yml");
    private static final Path ROOT = COMPOSE_FILE.toAbsolutePath().normalize().getParent();
    private static final String DOCKERFILE = "infra/docker/Dockerfile";
    private static final Path DEFAULTS = ROOT.resolve("infra/platform/src/main/resources/keyproject-defaults.yml");

    /** Read by the JVM itself, not by Spring. */
    private static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS", "JAVA_OPTS");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-]+)[:}]");
    private static final Pattern SOLE_PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)(?::([^}]*))?}");

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static JsonNode compose;
    private static Map<String, JsonNode> services;

    @BeforeAll
    static void readComposeFile() {
        assertThat(COMPOSE_FILE).as("docker-compose.yml at the repository root").isRegularFile();
        compose = YAML.readTree(COMPOSE_FILE.toFile());
        services = new LinkedHashMap<>();
        compose.path("services").properties().forEach(e -> services.put(e.getKey(), e.getValue()));
        assertThat(services).as("services in docker-compose.yml").isNotEmpty();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The services and their images

    @Test
    void everyServiceModuleIsAComposeServiceBuiltFromTheSharedDockerfile() {
        Map<String, String> built = builtServices();
        assertThat(ROOT.resolve(DOCKERFILE)).as("the shared service Dockerfile").isRegularFile();
        String dockerfile = read(ROOT.resolve(DOCKERFILE));

        SoftAssertions.assertSoftly(softly -> {
            for (String module : serviceModules()) {
                softly.assertThat(built.values())
                        .as("services/%s has an application.yml, so docker-compose.yml needs a service built from %s"
                                + " with build arg SERVICE=%s", module, DOCKERFILE, module)
                        .contains(module);
            }
            built.forEach((service, module) -> {
                softly.assertThat(applicationYml(module))
                        .as("%s: build arg SERVICE=%s names no service module with an application.yml", service, module)
                        .isRegularFile();
                softly.assertThat(text(services.get(service).path("build").path("context")))
                        .as("%s: build.context must be the repository root (the Dockerfile builds with ./mvnw)", service)
                        .isIn(".", "./");
                // The Dockerfile copies services/${SERVICE}/target/${SERVICE}-exec.jar.
                Path pom = ROOT.resolve("services").resolve(String.valueOf(module)).resolve("pom.xml");
                if (!Files.isRegularFile(pom)) {
                    return;
                }
                softly.assertThat(read(pom))
                        .as("%s: services/%s/pom.xml must build target/%s-exec.jar, the jar %s copies",
                                service, module, module, DOCKERFILE)
                        .contains("<finalName>" + module + "</finalName>")
                        .contains("<classifier>exec</classifier>");
            });
            softly.assertThat(dockerfile)
                    .as("%s takes the module as build arg SERVICE and runs its exec jar", DOCKERFILE)
                    .contains("ARG SERVICE")
                    .contains("services/${SERVICE}/target/${SERVICE}-exec.jar");
        });
    }

    @Test
    void eachServiceListensOnThePortItsApplicationReads() {
        String dockerfile = read(ROOT.resolve(DOCKERFILE));

        SoftAssertions.assertSoftly(softly -> builtServices().forEach((service, module) -> {
            Path yml = applicationYml(module);
            if (!Files.isRegularFile(yml)) {
                return; // reported by everyServiceModuleIsAComposeServiceBuiltFromTheSharedDockerfile
            }
            String serverPort = text(readYaml(yml).path("server").path("port"));
            Matcher placeholder = SOLE_PLACEHOLDER.matcher(serverPort == null ? "" : serverPort);
            softly.assertThat(placeholder.matches())
                    .as("%s: server.port in %s should be one ${VARIABLE:default} placeholder, but is %s",
                            service, ROOT.relativize(yml), serverPort)
                    .isTrue();
            if (!placeholder.matches()) {
                return;
            }
            String variable = placeholder.group(1);
            String port = environment(service).get(variable);
            softly.assertThat(port)
                    .as("%s: server.port reads ${%s}, but compose does not set %s", service, variable, variable)
                    .isNotNull();
            if (port == null) {
                return;
            }
            softly.assertThat(publishedPorts(service))
                    .as("%s: %s=%s, so ports should publish \"%s:%s\"", service, variable, port, port, port)
                    .contains(port + ":" + port);
            String healthcheck = healthcheck(service);
            softly.assertThat(healthcheck)
                    .as("%s: %s=%s, so the healthcheck should probe http://localhost:%s/actuator/health/readiness",
                            service, variable, port, port)
                    .contains("http://localhost:" + port + "/actuator/health/readiness");
            String tool = healthcheckCommand(service);
            softly.assertThat(dockerfile)
                    .as("%s: the healthcheck runs %s, which %s must install", service, tool, DOCKERFILE)
                    .containsPattern("apt-get install[^\\n]*\\b" + Pattern.quote(tool) + "\\b");
        }));
    }

    @Test
    void everyVariableComposeSetsIsReadByTheApplication() {
        Set<String> readByDefaults = placeholders(read(DEFAULTS));
        SpringProperties springProperties = SpringProperties.load(readYaml(DEFAULTS));

        SoftAssertions.assertSoftly(softly -> builtServices().forEach((service, module) -> {
            Path yml = applicationYml(module);
            if (!Files.isRegularFile(yml)) {
                return; // reported by everyServiceModuleIsAComposeServiceBuiltFromTheSharedDockerfile
            }
            Set<String> readByApplication = placeholders(read(yml));
            SpringProperties properties = springProperties.with(readYaml(yml));
            for (String variable : environment(service).keySet()) {
                boolean read = readByApplication.contains(variable)
                        || readByDefaults.contains(variable)
                        || properties.binds(variable)
                        || JVM_VARIABLES.contains(variable);
                softly.assertThat(read)
                        .as("%s sets %s, but neither %s nor keyproject-defaults.yml reads ${%s},"
                                        + " and it is no relaxed-binding name of a Spring property",
                                service, variable, ROOT.relativize(yml), variable)
                        .isTrue();
            }
        }));
    }

    @Test
    void eachServiceWritesItsOwnDatabase() {
        Map<String, List<String>> servicesByDatabase = new TreeMap<>();
        SoftAssertions.assertSoftly(softly -> {
            storeOwners().forEach((service, module) -> {
                String database = environment(service).get("MONGODB_DATABASE");
                softly.assertThat(database).as("%s: MONGODB_DATABASE is not set", service).isNotBlank();
                if (database == null) {
                    return;
                }
                servicesByDatabase.computeIfAbsent(database, d -> new ArrayList<>()).add(service);
                Path yml = applicationYml(module);
                String configured = Files.isRegularFile(yml)
                        ? text(readYaml(yml).path("spring").path("mongodb").path("database")) : null;
                Matcher placeholder = SOLE_PLACEHOLDER.matcher(configured == null ? "" : configured);
                if (placeholder.matches() && "MONGODB_DATABASE".equals(placeholder.group(1))
                        && placeholder.group(2) != null) {
                    softly.assertThat(database)
                            .as("%s: MONGODB_DATABASE=%s, but its application.yml defaults to %s"
                                    + " (compose and the local stack would use different databases)",
                                    service, database, placeholder.group(2))
                            .isEqualTo(placeholder.group(2));
                }
            });
            // No service reads another's database.
            servicesByDatabase.forEach((database, owners) -> softly.assertThat(owners)
                    .as("MONGODB_DATABASE=%s is set on %s; each service needs its own database", database, owners)
                    .hasSize(1));
        });
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Kafka and MongoDB

    @Test
    void servicesReachAllBrokersAndTheReplicaSet() {
        Set<String> brokers = brokers();
        Set<String> mongoNodes = mongoNodes();
        String replicaSet = replicaSet(mongoNodes.iterator().next());

        SoftAssertions.assertSoftly(softly -> {
            builtServices().keySet().forEach(service -> {
                Map<String, String> env = environment(service);
                checkBootstrapServers(softly, service, "KAFKA_BOOTSTRAP_SERVERS",
                        env.get("KAFKA_BOOTSTRAP_SERVERS"), brokers);
                if (!storeOwners().containsKey(service)) {
                    return; // the console: no store, no topics of its own but one it creates with the broker default
                }

                softly.assertThat(env.get("KAFKA_REPLICATION_FACTOR"))
                        .as("%s: KAFKA_REPLICATION_FACTOR should keep every topic on all %d brokers",
                                service, brokers.size())
                        .isEqualTo(String.valueOf(brokers.size()));
                softly.assertThat(env.get("KAFKA_PARTITIONS"))
                        .as("%s: KAFKA_PARTITIONS", service)
                        .isNotBlank()
                        .containsOnlyDigits();

                String uri = env.getOrDefault("MONGODB_URI", "");
                Matcher mongo = Pattern.compile("mongodb://([^/?]+)/?(?:\\?(.*))?").matcher(uri);
                softly.assertThat(mongo.matches())
                        .as("%s: MONGODB_URI=%s is no mongodb:// URI", service, uri)
                        .isTrue();
                if (mongo.matches()) {
                    softly.assertThat(new TreeSet<>(Arrays.asList(mongo.group(1).split(","))))
                            .as("%s: MONGODB_URI=%s should name every replica-set node", service, uri)
                            .isEqualTo(mongoNodes.stream().map(node -> node + ":27017")
                                    .collect(Collectors.toCollection(TreeSet::new)));
                    softly.assertThat(mongo.group(2))
                            .as("%s: MONGODB_URI=%s should name the replica set %s", service, uri, replicaSet)
                            .contains("replicaSet=" + replicaSet);
                }
            });

            String ui = onlyService("Kafka UI", image("kafbat/kafka-ui:"));
            checkBootstrapServers(softly, ui, "KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS",
                    environment(ui).get("KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS"), brokers);
        });
    }

    @Test
    void servicesStartOnlyOnceKafkaAndMongoAreReady() {
        String mongoInit = onlyService("MongoDB replica-set init", image("mongo:").and(commandContains("rs.initiate")));
        Map<String, String> required = new LinkedHashMap<>();
        brokers().forEach(broker -> required.put(broker, "service_healthy"));
        mongoNodes().forEach(node -> required.put(node, "service_healthy"));
        required.put(mongoInit, "service_completed_successfully");

        Set<String> owners = storeOwners().keySet();
        SoftAssertions.assertSoftly(softly -> builtServices().keySet().forEach(service -> {
            Map<String, String> dependsOn = dependsOn(service);
            required.forEach((dependency, condition) -> {
                if (!owners.contains(service) && !brokers().contains(dependency)) {
                    return; // the console needs the brokers, not the store
                }
                softly.assertThat(dependsOn.get(dependency))
                        .as("%s: depends_on %s should have condition %s", service, dependency, condition)
                        .isEqualTo(condition);
            });
        }));
    }

    @Test
    void everyLongRunningServiceHasAHealthcheck() {
        Set<String> oneShots = oneShotServices();
        SoftAssertions.assertSoftly(softly -> services.forEach((service, definition) -> {
            if (oneShots.contains(service)) {
                softly.assertThat(text(definition.path("restart")))
                        .as("%s runs once (others wait for service_completed_successfully): restart should be \"no\"",
                                service)
                        .isIn(null, "no");
                return;
            }
            JsonNode healthcheck = definition.path("healthcheck");
            softly.assertThat(healthcheck(service))
                    .as("%s runs for good, so it needs a healthcheck", service)
                    .isNotBlank()
                    .isNotEqualTo("NONE");
            softly.assertThat(healthcheck.path("disable").asBoolean(false))
                    .as("%s: healthcheck.disable", service)
                    .isFalse();
        }));
    }

    @Test
    void threeKafkaBrokersFormOneQuorum() {
        Set<String> brokers = brokers();
        assertThat(brokers).as("Kafka brokers (services running apache/kafka)").hasSize(3);

        String kafkaVersion = matchOne(read(ROOT.resolve("pom.xml")), "<kafka.version>([^<]+)</kafka.version>");
        // Broker settings every node must carry: replication across the cluster, history kept.
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("KAFKA_DEFAULT_REPLICATION_FACTOR", "3");
        expected.put("KAFKA_MIN_INSYNC_REPLICAS", "2");
        expected.put("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "3");
        expected.put("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "3");
        expected.put("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "2");
        expected.put("KAFKA_LOG_RETENTION_MS", "-1");
        expected.put("KAFKA_CONTROLLER_LISTENER_NAMES", "CONTROLLER");

        Set<String> clusterIds = new HashSet<>();
        Set<String> nodeIds = new HashSet<>();
        SoftAssertions.assertSoftly(softly -> brokers.forEach(broker -> {
            Map<String, String> env = environment(broker);
            softly.assertThat(text(services.get(broker).path("image")))
                    .as("%s: image should match the Kafka the tests run (kafka.version in pom.xml)", broker)
                    .isEqualTo("apache/kafka:" + kafkaVersion);
            expected.forEach((variable, value) -> softly.assertThat(env.get(variable))
                    .as("%s: %s", broker, variable)
                    .isEqualTo(value));
            softly.assertThat(env.getOrDefault("KAFKA_PROCESS_ROLES", ""))
                    .as("%s: KAFKA_PROCESS_ROLES", broker)
                    .contains("broker", "controller");

            String voters = env.getOrDefault("KAFKA_CONTROLLER_QUORUM_VOTERS", "");
            Set<String> voterHosts = Arrays.stream(voters.split(","))
                    .map(voter -> voter.replaceAll("^\\d+@|:\\d+$", ""))
                    .collect(Collectors.toCollection(TreeSet::new));
            softly.assertThat(voterHosts)
                    .as("%s: KAFKA_CONTROLLER_QUORUM_VOTERS=%s should name every broker", broker, voters)
                    .isEqualTo(new TreeSet<>(brokers));
            String nodeId = env.get("KAFKA_NODE_ID");
            softly.assertThat(voters)
                    .as("%s: KAFKA_NODE_ID=%s should be its id among the voters %s", broker, nodeId, voters)
                    .containsPattern("(^|,)" + nodeId + "@" + Pattern.quote(broker) + ":");
            softly.assertThat(nodeIds.add(String.valueOf(nodeId)))
                    .as("%s: KAFKA_NODE_ID=%s is taken by another broker", broker, nodeId)
                    .isTrue();
            clusterIds.add(env.get("CLUSTER_ID"));

            softly.assertThat(healthcheck(broker))
                    .as("%s: healthcheck", broker)
                    .contains("kafka-broker-api-versions.sh");
        }));
        assertThat(clusterIds).as("CLUSTER_ID of the brokers (one cluster)").hasSize(1).doesNotContainNull();
    }

    @Test
    void threeMongoNodesFormOneReplicaSet() {
        Set<String> nodes = mongoNodes();
        assertThat(nodes).as("MongoDB replica-set nodes (services running mongod --replSet)").hasSize(3);
        String replicaSet = replicaSet(nodes.iterator().next());
        String init = onlyService("MongoDB replica-set init", image("mongo:").and(commandContains("rs.initiate")));
        String script = command(init);

        SoftAssertions.assertSoftly(softly -> {
            nodes.forEach(node -> {
                softly.assertThat(text(services.get(node).path("image")))
                        .as("%s: image", node)
                        .isEqualTo("mongo:8.0");
                softly.assertThat(replicaSet(node))
                        .as("%s: --replSet", node)
                        .isEqualTo(replicaSet);
                softly.assertThat(script)
                        .as("%s: rs.initiate should list member %s:27017", init, node)
                        .contains("\"" + node + ":27017\"");
            });
            softly.assertThat(script)
                    .as("%s: rs.initiate should name the replica set %s", init, replicaSet)
                    .contains("_id: \"" + replicaSet + "\"");
        });
    }

    @Test
    void composeDeclaresWhatItReferences() {
        Set<String> declaredVolumes = new HashSet<>(compose.path("volumes").propertyNames());
        SoftAssertions.assertSoftly(softly -> services.forEach((service, definition) -> {
            dependsOn(service).keySet().forEach(dependency -> softly.assertThat(services)
                    .as("%s depends_on %s, which is no service", service, dependency)
                    .containsKey(dependency));
            List<String> mounts = strings(definition.path("volumes"));
            for (String mount : mounts) {
                String source = mount.split(":")[0];
                if (!source.matches("[.$/~].*")) {
                    softly.assertThat(declaredVolumes)
                            .as("%s mounts the named volume %s, which the top-level volumes do not declare",
                                    service, source)
                            .contains(source);
                }
            }
            String key = environment(service).get("JWT_PUBLIC_KEY_LOCATION");
            if (key != null && key.startsWith("file:/")) {
                String file = key.substring("file:".length());
                softly.assertThat(mounts)
                        .as("%s: JWT_PUBLIC_KEY_LOCATION=%s should lie in a read-only mount", service, key)
                        .anySatisfy(mount -> {
                            String[] parts = mount.replaceFirst("^\\$\\{[^}]*}", "host").split(":");
                            assertThat(parts).hasSize(3);
                            assertThat(file).startsWith(parts[1] + "/");
                            assertThat(parts[2]).isEqualTo("ro");
                        });
            }
        }));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Reading docker-compose.yml

    /** Compose services built from the shared Dockerfile, with their build arg SERVICE. */
    /** Built services that own a MongoDB database (all but the console, which reads topics and calls APIs). */
    private static Map<String, String> storeOwners() {
        Map<String, String> owners = new LinkedHashMap<>();
        builtServices().forEach((service, module) -> {
            Path yml = applicationYml(module);
            if (!Files.isRegularFile(yml) || !readYaml(yml).path("spring").path("mongodb").isMissingNode()) {
                owners.put(service, module);
            }
        });
        return owners;
    }

    private static Map<String, String> builtServices() {
        Map<String, String> built = new LinkedHashMap<>();
        services.forEach((service, definition) -> {
            JsonNode build = definition.path("build");
            if (DOCKERFILE.equals(text(build.path("dockerfile")))) {
                built.put(service, keyValues(build.path("args")).get("SERVICE"));
            }
        });
        assertThat(built).as("services built from %s", DOCKERFILE).isNotEmpty();
        return built;
    }

    private static Set<String> brokers() {
        Set<String> brokers = servicesWhere(image("apache/kafka:"));
        assertThat(brokers).as("Kafka brokers (services running apache/kafka)").isNotEmpty();
        return brokers;
    }

    private static Set<String> mongoNodes() {
        Set<String> nodes = servicesWhere(image("mongo:").and(commandContains("mongod")).and(commandContains("--replSet")));
        assertThat(nodes).as("MongoDB nodes (services running mongod --replSet)").isNotEmpty();
        return nodes;
    }

    private static String replicaSet(String node) {
        List<String> command = strings(services.get(node).path("command"));
        int flag = command.indexOf("--replSet");
        return flag >= 0 && flag + 1 < command.size() ? command.get(flag + 1) : null;
    }

    /** Services others wait for with condition service_completed_successfully. */
    private static Set<String> oneShotServices() {
        return services.keySet().stream()
                .flatMap(service -> dependsOn(service).entrySet().stream())
                .filter(dependency -> "service_completed_successfully".equals(dependency.getValue()))
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Predicate<JsonNode> image(String prefix) {
        return definition -> String.valueOf(text(definition.path("image"))).startsWith(prefix);
    }

    private static Predicate<JsonNode> commandContains(String fragment) {
        return definition -> String.join(" ", strings(definition.path("command"))).contains(fragment);
    }

    private static Set<String> servicesWhere(Predicate<JsonNode> predicate) {
        return services.entrySet().stream()
                .filter(e -> predicate.test(e.getValue()))
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String onlyService(String what, Predicate<JsonNode> predicate) {
        Set<String> found = servicesWhere(predicate);
        assertThat(found).as("%s in docker-compose.yml", what).hasSize(1);
        return found.iterator().next();
    }

    private static void checkBootstrapServers(SoftAssertions softly, String service, String variable, String value,
                                              Set<String> brokers) {
        softly.assertThat(value).as("%s: %s is not set", service, variable).isNotBlank();
        if (value == null) {
            return;
        }
        List<String> servers = Arrays.asList(value.split(","));
        softly.assertThat(servers.stream().map(server -> server.split(":")[0]).toList())
                .as("%s: %s=%s should name exactly the brokers %s", service, variable, value, brokers)
                .containsExactlyInAnyOrderElementsOf(brokers);
        for (String server : servers) {
            String broker = server.split(":")[0];
            if (brokers.contains(broker)) {
                String advertised = environment(broker).getOrDefault("KAFKA_ADVERTISED_LISTENERS", "");
                softly.assertThat(advertised)
                        .as("%s: %s names %s, which %s does not advertise", service, variable, server, broker)
                        .contains("//" + server);
            }
        }
    }

    /** environment, as a map or as a list of NAME=value. */
    private static Map<String, String> environment(String service) {
        return keyValues(services.get(service).path("environment"));
    }

    private static Map<String, String> keyValues(JsonNode node) {
        Map<String, String> values = new LinkedHashMap<>();
        if (node.isObject()) {
            node.properties().forEach(e -> values.put(e.getKey(), text(e.getValue())));
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                String entry = item.asString();
                int eq = entry.indexOf('=');
                values.put(eq < 0 ? entry : entry.substring(0, eq), eq < 0 ? null : entry.substring(eq + 1));
            }
        }
        return values;
    }

    /** depends_on, as a list (service_started) or as a map with conditions. */
    private static Map<String, String> dependsOn(String service) {
        JsonNode dependsOn = services.get(service).path("depends_on");
        Map<String, String> conditions = new LinkedHashMap<>();
        if (dependsOn.isArray()) {
            dependsOn.forEach(dependency -> conditions.put(dependency.asString(), "service_started"));
        } else if (dependsOn.isObject()) {
            dependsOn.properties().forEach(e -> {
                String condition = text(e.getValue().path("condition"));
                conditions.put(e.getKey(), condition == null ? "service_started" : condition);
            });
        }
        return conditions;
    }

    /** ports as "published:target", from the short or the long syntax. */
    private static List<String> publishedPorts(String service) {
        List<String> ports = new ArrayList<>();
        for (JsonNode port : services.get(service).path("ports")) {
            if (port.isObject()) {
                ports.add(text(port.path("published")) + ":" + text(port.path("target")));
            } else {
                String[] parts = port.asString().replaceFirst("/(tcp|udp)$", "").split(":");
                ports.add(parts.length == 1 ? parts[0] + ":" + parts[0]
                        : parts[parts.length - 2] + ":" + parts[parts.length - 1]);
            }
        }
        return ports;
    }

    private static String healthcheck(String service) {
        return String.join(" ", strings(services.get(service).path("healthcheck").path("test")));
    }

    /** The program a CMD healthcheck runs. */
    private static String healthcheckCommand(String service) {
        List<String> test = strings(services.get(service).path("healthcheck").path("test"));
        if (!test.isEmpty() && test.get(0).equals("CMD") && test.size() > 1) {
            return test.get(1);
        }
        return test.isEmpty() ? "" : test.get(test.size() - 1).trim().split("\\s+")[0];
    }

    private static String command(String service) {
        return String.join(" ", strings(services.get(service).path("command")));
    }

    /** A list of strings, or one string as a one-element list. */
    private static List<String> strings(JsonNode node) {
        if (node.isArray()) {
            List<String> values = new ArrayList<>();
            node.forEach(item -> values.add(item.asString()));
            return values;
        }
        return node.isMissingNode() || node.isNull() ? List.of() : List.of(node.asString());
    }

    private static String text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() || node.isContainer() ? null : node.asString();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Reading the applications' configuration

    private static SortedSet<String> serviceModules() {
        try (Stream<Path> modules = Files.list(ROOT.resolve("services"))) {
            return modules
                    .map(module -> module.getFileName().toString())
                    .filter(module -> Files.isRegularFile(applicationYml(module)))
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path applicationYml(String module) {
        return ROOT.resolve("services").resolve(String.valueOf(module)).resolve("src/main/resources/application.yml");
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new HashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static JsonNode readYaml(Path file) {
        return YAML.readTree(file.toFile());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String matchOne(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as("%s in pom.xml", regex).isTrue();
        return matcher.group(1);
    }

    /**
     * Environment-variable names that Spring's relaxed binding maps onto a property (e.g.
     * SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWKSETURI): every property in the configuration metadata on the
     * classpath, and every key of the given YAML files. Map-typed properties accept any key below them.
     */
    private record SpringProperties(Set<String> exact, Set<String> mapPrefixes) {

        static SpringProperties load(JsonNode... yamls) {
            Set<String> exact = new HashSet<>();
            Set<String> mapPrefixes = new HashSet<>();
            JsonMapper json = new JsonMapper();
            try {
                for (URL url : Collections.list(ComposeFileTest.class.getClassLoader()
                        .getResources("META-INF/spring-configuration-metadata.json"))) {
                    try (InputStream in = url.openStream()) {
                        for (JsonNode property : json.readTree(in).path("properties")) {
                            String name = envName(property.path("name").asString());
                            exact.add(name);
                            if (String.valueOf(text(property.path("type"))).startsWith("java.util.Map")) {
                                mapPrefixes.add(name);
                            }
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            assertThat(exact).as("Spring configuration metadata on the test classpath").contains("SERVER_PORT");
            return new SpringProperties(exact, mapPrefixes).with(yamls);
        }

        SpringProperties with(JsonNode... yamls) {
            Set<String> names = new LinkedHashSet<>(exact);
            for (JsonNode yaml : yamls) {
                collectKeys(yaml, "", names);
            }
            return new SpringProperties(names, mapPrefixes);
        }

        boolean binds(String variable) {
            return exact.contains(variable) || mapPrefixes.stream().anyMatch(prefix -> variable.startsWith(prefix + "_"));
        }

        private static void collectKeys(JsonNode node, String prefix, Set<String> names) {
            if (!node.isObject()) {
                return;
            }
            node.properties().forEach(e -> {
                String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
                names.add(envName(key));
                collectKeys(e.getValue(), key, names);
            });
        }

        private static String envName(String property) {
            return property.replace("-", "").replace('.', '_').toUpperCase(Locale.ROOT);
        }
    }
}
