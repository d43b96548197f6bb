package gov.keyproject.contracts;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AsyncAPI document ({@code src/main/resources/asyncapi.yaml}) cannot drift from the contracts: its channels are
 * the topics, its messages the catalogued event types on their topics, every reference resolves, and a real sample
 * of every event, encoded by {@link EventCodec}, is valid against its message's payload and key.
 */
class AsyncApiDocumentTest {

    /** Resource path of the document; relative references in it are resolved against its folder (the root). */
    static final String DOCUMENT = "/asyncapi.yaml";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final JsonNode DOC = load();

    /** A message as it sits on a channel: channel id and address, message id, the message resolved. */
    record ChannelMessage(String channelId, String address, String messageId, JsonNode message) {
        String type() {
            return message.at("/payload/allOf/1/properties/type/const").asText(null);
        }
    }

    private static JsonNode load() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        DumperOptions dumper = new DumperOptions();
        Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options);
        try (InputStream in = AsyncApiDocumentTest.class.getResourceAsStream(DOCUMENT)) {
            assertThat(in).as(DOCUMENT + " on the classpath").isNotNull();
            Object tree = yaml.load(in);
            return JSON.valueToTree(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void isAnAsyncApi3Document() {
        assertThat(DOC.path("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(DOC.path("info").path("title").asText()).isNotBlank();
        assertThat(DOC.path("info").path("version").asText()).isNotBlank();
        assertThat(DOC.path("defaultContentType").asText()).isEqualTo(EventEnvelope.JSON);
        assertThat(DOC.path("info").path("description").asText())
                .as("the dead-letter naming and headers are described")
                .contains(Topics.deadLetter("<topic>", "<group>"))
                .contains("x-original-topic", "x-exception-message", "x-exception-fqcn", "x-exception-stacktrace");
    }

    @Test
    void channelsAreExactlyTheTopics() {
        List<String> addresses = new ArrayList<>();
        DOC.path("channels").properties().forEach(e -> {
            JsonNode channel = e.getValue();
            String address = channel.path("address").asText();
            addresses.add(address);
            assertThat(channel.path("description").asText()).as("description of " + address)
                    .contains("Kafka key");
            assertThat(channel.path("messages").size()).as("messages on " + address).isPositive();
        });
        assertThat(addresses).as("one channel per topic").doesNotHaveDuplicates();
        assertThat(new TreeSet<>(addresses)).isEqualTo(new TreeSet<>(Topics.all()))
                .contains(Topics.STATISTICS_FEED)
                .isEqualTo(topicConstants());
    }

    @Test
    void everyEventTypeIsExactlyOneMessageOnItsTopic() {
        Map<String, List<ChannelMessage>> byType = new HashMap<>();
        for (ChannelMessage m : channelMessages()) {
            assertThat(m.type()).as("CloudEvents type const of " + m.messageId() + " on " + m.address()).isNotNull();
            byType.computeIfAbsent(m.type(), t -> new ArrayList<>()).add(m);
        }
        for (EventType type : EventType.values()) {
            List<ChannelMessage> found = byType.getOrDefault(type.type(), List.of());
            assertThat(found).as("messages of type " + type.type()).hasSize(1);
            ChannelMessage m = found.get(0);
            assertThat(m.address()).as("channel of " + type.type()).isEqualTo(type.topic());
            assertThat(m.message().path("name").asText()).isEqualTo(type.recordClass().getSimpleName());
            assertThat(m.message().path("title").asText()).as("title of " + type).isNotBlank();
            assertThat(m.message().path("contentType").asText()).as("content type of " + type)
                    .isEqualTo(EventEnvelope.JSON);
            assertThat(m.message().at("/payload/allOf/0/$ref").asText())
                    .as("the envelope of " + type).isEqualTo("#/components/schemas/CloudEvent");
            assertThat(m.message().at("/payload/allOf/1/properties/data/$ref").asText())
                    .as("the data of " + type + " is the data part of its schema file")
                    .isEqualTo("." + type.schemaResource() + "#/properties/data");
        }
        assertThat(byType.keySet()).as("only catalogued types").allMatch(t -> EventType.ofType(t).isPresent());
    }

    @Test
    void theEnvelopeSchemaNamesEveryFieldOfTheEnvelope() {
        JsonNode envelope = DOC.at("/components/schemas/CloudEvent");
        Set<String> documented = new TreeSet<>();
        envelope.path("properties").properties().forEach(e -> documented.add(e.getKey()));
        Set<String> fields = new TreeSet<>();
        for (var component : EventEnvelope.class.getRecordComponents()) {
            fields.add(component.getName());
        }
        assertThat(documented).isEqualTo(fields);
        assertThat(envelope.at("/properties/specversion/const").asText()).isEqualTo(EventEnvelope.SPEC_VERSION);
        assertThat(envelope.at("/properties/datacontenttype/const").asText()).isEqualTo(EventEnvelope.JSON);
    }

    @Test
    void everyReferencedSchemaFileExists() {
        List<String> fileRefs = refs().stream().filter(r -> !r.startsWith("#")).toList();
        assertThat(fileRefs).hasSizeGreaterThanOrEqualTo(EventType.values().length);
        for (String ref : fileRefs) {
            assertThat(resolve(ref)).as(ref).isNotNull();
        }
        for (EventType type : EventType.values()) {
            assertThat(fileRefs).contains("." + type.schemaResource() + "#/properties/data");
        }
    }

    @Test
    void everyReferenceWithinTheDocumentResolves() {
        List<String> local = refs().stream().filter(r -> r.startsWith("#")).toList();
        assertThat(local).isNotEmpty();
        for (String ref : local) {
            assertThat(resolve(ref)).as(ref).isNotNull();
        }
    }

    @Test
    void operationsReferToTheirChannelsMessages() {
        JsonNode operations = DOC.path("operations");
        assertThat(operations.size()).isPositive();
        operations.properties().forEach(e -> {
            String id = e.getKey();
            JsonNode op = e.getValue();
            assertThat(op.path("action").asText()).as("action of " + id).isIn("send", "receive");
            String channelRef = op.at("/channel/$ref").asText();
            assertThat(channelRef).as("channel of " + id).startsWith("#/channels/");
            assertThat(resolve(channelRef)).as(channelRef).isNotNull();
            assertThat(op.path("messages").size()).as("messages of " + id).isPositive();
            for (JsonNode m : op.path("messages")) {
                // AsyncAPI 3: an operation's messages are a subset of its channel's.
                assertThat(m.path("$ref").asText()).as("message of " + id).startsWith(channelRef + "/messages/");
            }
            assertThat(op.path("tags").size()).as("the service of " + id).isEqualTo(1);
        });
    }

    @Test
    void everyEventHasAPublisherAndEveryConsumerGroupItsDeadLetterTopic() {
        Set<String> sent = new HashSet<>();
        DOC.path("operations").properties().forEach(e -> {
            JsonNode op = e.getValue();
            String channelRef = op.at("/channel/$ref").asText();
            String address = resolve(channelRef).path("address").asText();
            if (op.path("action").asText().equals("send")) {
                op.path("messages").forEach(m -> sent.add(deref(m).at("/payload/allOf/1/properties/type/const")
                        .asText()));
            }
            JsonNode group = op.at("/bindings/kafka/groupId/enum");
            if (group.isArray()) {
                assertThat(op.path("action").asText()).as(e.getKey()).isEqualTo("receive");
                assertThat(group).as("one group for " + e.getKey()).hasSize(1);
                assertThat(op.path("x-dead-letter-topic").asText()).as("dead-letter topic of " + e.getKey())
                        .isEqualTo(Topics.deadLetter(address, group.get(0).asText()));
            } else {
                assertThat(op.has("x-dead-letter-topic")).as(e.getKey()).isFalse();
            }
        });
        for (EventType type : EventType.values()) {
            assertThat(sent).as("someone sends " + type.type()).contains(type.type());
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void aRealEventIsValidAgainstItsMessage(EventType type) throws Exception {
        DomainEvent sample = EventSamples.SAMPLES.get(type);
        assertThat(sample).as("a sample for " + type).isNotNull();
        EventEnvelope envelope = EventCodec.wrap(sample, "/keyproject/test", 3,
                Instant.parse("2026-10-05T08:00:00.123456Z"),
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", Instant.parse("2026-10-05T08:00:00Z"));
        JsonNode encoded = JSON.readTree(EventCodec.encode(envelope));
        ChannelMessage message = channelMessages().stream().filter(m -> type.type().equals(m.type())).findFirst()
                .orElseThrow();

        var payload = SCHEMAS.getSchema(inline(message.message().path("payload")));
        assertThat(payload.validate(encoded)).as(encoded.toString()).isEmpty();

        ObjectNode otherType = encoded.deepCopy();
        otherType.put("type", "gov.keyproject.registry.SomethingElse.v1");
        assertThat(payload.validate(otherType)).as("another type's envelope").isNotEmpty();
        ObjectNode noData = encoded.deepCopy();
        noData.remove("data");
        assertThat(payload.validate(noData)).as("an envelope without data").isNotEmpty();

        JsonNode key = inline(message.message().path("bindings")).at("/kafka/key");
        assertThat(key.isObject()).as("the Kafka key of " + type).isTrue();
        assertThat(key.path("description").asText()).isNotBlank();
        assertThat(SCHEMAS.getSchema(key).validate(TextNode.valueOf(envelope.key())))
                .as("key " + envelope.key()).isEmpty();
        assertThat(envelope.key()).isEqualTo(envelope.subject()).isEqualTo(sample.aggregateId());
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** Every message of every channel, resolved. */
    private static List<ChannelMessage> channelMessages() {
        List<ChannelMessage> all = new ArrayList<>();
        DOC.path("channels").properties().forEach(c -> c.getValue().path("messages").properties().forEach(m -> {
            JsonNode message = deref(m.getValue());
            assertThat(message).as("message " + m.getKey() + " of channel " + c.getKey()).isNotNull();
            all.add(new ChannelMessage(c.getKey(), c.getValue().path("address").asText(), m.getKey(), message));
        }));
        return all;
    }

    /** The public String constants of {@link Topics}: every topic name it declares. */
    private static Set<String> topicConstants() {
        Set<String> names = new TreeSet<>();
        for (Field f : Topics.class.getDeclaredFields()) {
            if (Modifier.isPublic(f.getModifiers()) && Modifier.isStatic(f.getModifiers())
                    && f.getType() == String.class) {
                try {
                    names.add((String) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return names;
    }

    /** Every {@code $ref} value anywhere in the document. */
    private static List<String> refs() {
        List<String> refs = new ArrayList<>();
        collectRefs(DOC, refs);
        return refs;
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getKey().equals("$ref") && e.getValue().isTextual()) {
                    refs.add(e.getValue().asText());
                } else {
                    collectRefs(e.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collectRefs(n, refs));
        }
    }

    private static final Map<String, JsonNode> FILES = new LinkedHashMap<>();

    /**
     * The node a reference points at, or null: {@code #/json/pointer} within the document, or
     * {@code ./file.json#/pointer} relative to the document's folder (the classpath root).
     */
    static JsonNode resolve(String ref) {
        int hash = ref.indexOf('#');
        String file = hash < 0 ? ref : ref.substring(0, hash);
        String pointer = hash < 0 ? "" : ref.substring(hash + 1);
        JsonNode root;
        if (file.isEmpty()) {
            root = DOC;
        } else {
            root = FILES.computeIfAbsent(file, AsyncApiDocumentTest::readResource);
            if (root == null) {
                return null;
            }
        }
        JsonNode target = root.at(JsonPointer.compile(pointer));
        return target.isMissingNode() ? null : target;
    }

    private static JsonNode readResource(String relative) {
        String path = "/" + (relative.startsWith("./") ? relative.substring(2) : relative);
        try (InputStream in = AsyncApiDocumentTest.class.getResourceAsStream(path)) {
            return in == null ? null : JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The object a chain of {@code $ref}s ends at (the node itself when it is no reference), or null. */
    static JsonNode deref(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current != null && current.has("$ref"); hops++) {
            assertThat(hops).as("a cycle of references at " + node).isLessThan(10);
            current = resolve(current.path("$ref").asText());
        }
        return current;
    }

    /** A copy of {@code node} with every {@code $ref} replaced by what it points at, for a plain JSON-schema validator. */
    static JsonNode inline(JsonNode node) {
        if (node.isObject()) {
            if (node.has("$ref")) {
                String ref = node.path("$ref").asText();
                JsonNode target = resolve(ref);
                assertThat(target).as(ref).isNotNull();
                return inline(target);
            }
            ObjectNode copy = JSON.createObjectNode();
            node.properties().forEach(e -> copy.set(e.getKey(), inline(e.getValue())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            node.forEach(n -> copy.add(inline(n)));
            return copy;
        }
        return node;
    }
}
