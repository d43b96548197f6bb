package gov.keyproject.platform.outbox;

import org.bson.Document;

import java.util.Date;

/**
 * An event that rides inside its aggregate's document until the relay has published it.
 * The payload is the whole encoded CloudEvents envelope, fixed at write time, so a re-publish is byte-identical.
 */
public record PendingEvent(String id, String topic, String key, String type, String payload, Date createdAt) {

    static final String FIELD = "outbox";

    Document toDocument() {
        return new Document("id", id).append("topic", topic).append("key", key).append("type", type)
                .append("payload", payload).append("createdAt", createdAt);
    }

    static PendingEvent fromDocument(Document d) {
        return new PendingEvent(d.getString("id"), d.getString("topic"), d.getString("key"), d.getString("type"),
                d.getString("payload"), d.getDate("createdAt"));
    }
}
