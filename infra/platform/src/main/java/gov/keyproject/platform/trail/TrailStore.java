package gov.keyproject.platform.trail;

import org.bson.Document;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes and reads trail entries (痕迹) kept in an aggregate's {@code trail} array. */
public final class TrailStore {

    public static final String FIELD = "trail";

    private TrailStore() {
    }

    public static Document entry(Instant at, String actor, String action, Map<String, Object[]> diff) {
        Document changes = new Document();
        diff.forEach((field, fromTo) -> changes.put(field.replace('.', '/'),
                new Document("from", plain(fromTo[0])).append("to", plain(fromTo[1]))));
        return new Document("at", Date.from(at)).append("actor", actor).append("action", action)
                .append("changes", changes);
    }

    /** The trail of one aggregate; 404 when there is no such aggregate. */
    public static List<TrailEntry> read(org.springframework.data.mongodb.core.MongoTemplate mongo, String collection,
                                        String id, String what) {
        var query = new org.springframework.data.mongodb.core.query.Query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(id));
        query.fields().include(FIELD);
        Document doc = mongo.findOne(query, Document.class, collection);
        if (doc == null) {
            throw gov.keyproject.platform.web.ApiProblem.notFound(what, id);
        }
        return read(doc);
    }

    public static List<TrailEntry> read(Document aggregate) {
        List<Document> entries = aggregate.getList(FIELD, Document.class, List.of());
        return entries.stream().map(TrailStore::fromDocument).toList();
    }

    private static Object plain(Object o) {
        if (o == null || o instanceof String || o instanceof Number || o instanceof Boolean) {
            return o instanceof java.math.BigDecimal b ? b.toPlainString() : o;
        }
        return o.toString();
    }

    private static TrailEntry fromDocument(Document d) {
        Map<String, TrailEntry.Change> changes = new LinkedHashMap<>();
        Document c = d.get("changes", Document.class);
        if (c != null) {
            c.forEach((k, v) -> changes.put(k.replace('/', '.'), new TrailEntry.Change(((Document) v).get("from"),
                    ((Document) v).get("to"))));
        }
        return new TrailEntry(d.getDate("at").toInstant(), d.getString("actor"), d.getString("action"), changes);
    }
}
