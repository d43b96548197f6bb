package gov.keyproject.assessment;

import gov.keyproject.contracts.EventCodec;
import org.bson.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Stores records as plain MongoDB documents through the event codec's JSON mapping, with every decimal kept as its
 * exact string (an amount must never pass through a double) and dates as ISO strings, so an operator inspecting
 * the store reads what the domain means.
 */
public final class Documents {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Documents() {
    }

    public static Document of(Object value) {
        return (Document) bson(EventCodec.mapper().valueToTree(value));
    }

    public static List<Document> listOf(List<?> values) {
        return values.stream().map(Documents::of).toList();
    }

    public static <T> T read(Object stored, Class<T> type) {
        return EventCodec.mapper().treeToValue(json(stored), type);
    }

    public static <T> List<T> readList(List<?> stored, Class<T> type) {
        List<T> result = new ArrayList<>();
        if (stored != null) {
            stored.forEach(s -> result.add(read(s, type)));
        }
        return result;
    }

    private static Object bson(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            Document d = new Document();
            node.properties().forEach(e -> d.put(e.getKey(), bson(e.getValue())));
            return d;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(n -> list.add(bson(n)));
            return list;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToInt() ? (Object) node.intValue() : (Object) node.longValue();
        }
        if (node.isNumber()) {
            return node.decimalValue().toPlainString();
        }
        return node.asString();
    }

    private static JsonNode json(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode o = NODES.objectNode();
            map.forEach((k, v) -> o.set(k.toString(), json(v)));
            return o;
        }
        if (value instanceof List<?> list) {
            ArrayNode a = NODES.arrayNode();
            list.forEach(v -> a.add(json(v)));
            return a;
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof Integer i) {
            return NODES.numberNode(i);
        }
        if (value instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (value instanceof Number n) {
            return NODES.numberNode(new java.math.BigDecimal(n.toString()));
        }
        return NODES.stringNode(value.toString());
    }
}
