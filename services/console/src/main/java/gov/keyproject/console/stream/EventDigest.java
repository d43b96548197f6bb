package gov.keyproject.console.stream;

import gov.keyproject.contracts.EventCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns a raw record into a {@link LiveEvent}: type, unit, project and a short digest, without trusting the record. */
public final class EventDigest {

    private static final int MAX_JSON = 16_384;

    private EventDigest() {
    }

    static LiveEvent of(long seq, ConsumerRecord<String, byte[]> record) {
        String raw = record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8);
        String json = raw.length() > MAX_JSON ? raw.substring(0, MAX_JSON) + " …" : raw;
        Instant at = Instant.ofEpochMilli(record.timestamp());
        JsonNode node;
        try {
            node = EventCodec.mapper().readTree(raw);
        } catch (RuntimeException e) {
            return new LiveEvent(seq, record.topic(), record.partition(), record.offset(), record.key(), "无法解析",
                    null, null, at, null, "不是合法的事件 JSON（" + raw.length() + " 字节）", json);
        }
        if (node == null || !node.isObject() || !node.has("type")) {
            return new LiveEvent(seq, record.topic(), record.partition(), record.offset(), record.key(), "无法解析",
                    null, null, at, null, "不是 CloudEvents 事件", json);
        }
        String shortType = shortType(node.path("type").asString(""));
        JsonNode data = node.path("data");
        String unit = first(data, "unitCode", "ownerUnitCode");
        String project = first(data, "projectCode", "landedProjectCode");
        JsonNode snapshot = data.path("snapshot");
        if (snapshot.isObject()) {
            unit = unit != null ? unit : first(snapshot, "unitCode");
            project = project != null ? project : first(snapshot, "code");
        }
        JsonNode notice = data.path("notice"); // NoticeIssued, NoticeChanged: the notice names its project and unit
        if (notice.isObject()) {
            unit = unit != null ? unit : first(notice, "unitCode");
            project = project != null ? project : first(notice, "projectCode");
        }
        if (project == null && record.topic().startsWith("registry.project-events")) {
            project = node.path("subject").asString(null);
        }
        if (unit == null && record.topic().startsWith("registry.unit-events")) {
            unit = node.path("subject").asString(null);
        }
        String traceparent = node.path("traceparent").asString(null);
        JsonNode time = node.path("time");
        if (time.isString()) {
            try {
                at = Instant.parse(time.asString());
            } catch (RuntimeException ignored) {
                // keep the record's timestamp: the envelope's time is only for display
            }
        }
        return new LiveEvent(seq, record.topic(), record.partition(), record.offset(), record.key(), shortType, unit,
                project, at, traceparent, summary(data), json);
    }

    /** {@code gov.keyproject.registry.UnitRegistered.v1} → {@code UnitRegistered}. */
    public static String shortType(String type) {
        String t = type.replaceFirst("\\.v\\d+$", "");
        return t.substring(t.lastIndexOf('.') + 1);
    }

    private static String first(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode v = node.path(name);
            if (v.isString() && !v.asString().isBlank()) {
                return v.asString();
            }
        }
        return null;
    }

    /** The data's scalar fields, in order, up to a line's worth: enough to tell one event from the next. */
    private static String summary(JsonNode data) {
        List<String> parts = new ArrayList<>();
        if (data.isObject()) {
            for (Map.Entry<String, JsonNode> field : data.properties()) {
                JsonNode v = field.getValue();
                if (v.isValueNode() && !v.isNull()) {
                    parts.add(field.getKey() + "=" + v.asString());
                }
                if (parts.size() == 6) {
                    break;
                }
            }
        }
        String s = String.join(" ", parts);
        return s.length() > 240 ? s.substring(0, 240) + " …" : s;
    }
}
