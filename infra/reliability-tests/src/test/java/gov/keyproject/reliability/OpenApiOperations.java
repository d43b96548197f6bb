package gov.keyproject.reliability;

import gov.keyproject.devstack.ApiClient;
import gov.keyproject.devstack.ServiceProcess.Service;
import gov.keyproject.platform.security.Role;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every operation of the four services as their OpenAPI documents ({@code /v3/api-docs}) describe it: method, path
 * template, parameters and request body with its schema resolved through {@code $ref}. Also the small world the
 * generated requests need ({@link World}) and the proof that refused requests left nothing behind ({@link Snapshot}).
 */
final class OpenApiOperations {

    static final JsonMapper JSON = JsonMapper.builder().build();

    record Param(String name, String in, boolean required, JsonNode schema) {
        String type() {
            return schema.path("type").asString("");
        }

        String format() {
            return schema.path("format").asString("");
        }

        List<String> enumValues() {
            List<String> out = new ArrayList<>();
            schema.path("enum").forEach(v -> out.add(v.asString()));
            return out;
        }

        /** A month (YearMonth): springdoc publishes it as a plain string, so it is known by its name or example. */
        boolean month() {
            return List.of("period", "from", "to").contains(name)
                    || schema.path("example").asString("").matches("\\d{4}-\\d{2}");
        }
    }

    /** A request body: its media type, the component's name (null when inline) and the resolved schema. */
    record Body(String mediaType, boolean required, String schemaName, JsonNode schema) {
        boolean multipart() {
            return mediaType.startsWith("multipart/");
        }
    }

    /** One property of a body, nested objects flattened with dotted paths ("source.kind"). */
    record Property(String path, JsonNode schema, boolean required) {
        String type() {
            return schema.path("type").asString(schema.has("additionalProperties") ? "object" : "");
        }

        boolean isEnum() {
            return schema.has("enum");
        }

        boolean map() {
            return schema.has("additionalProperties");
        }

        String leaf() {
            return path.substring(path.lastIndexOf('.') + 1);
        }
    }

    record Operation(Service service, String method, String path, String summary, List<Param> params, Body body) {
        boolean mutating() {
            return !"GET".equals(method);
        }

        /** "POST /api/v1/deals" — how the tests' tables name an operation. */
        String key() {
            return method + " " + path;
        }

        @Override
        public String toString() {
            return service.id + " " + key();
        }
    }

    private final Map<Service, JsonNode> documents = new EnumMap<>(Service.class);
    private final Map<Service, List<Operation>> operations = new EnumMap<>(Service.class);

    private OpenApiOperations() {
    }

    /** Reads each service's document (with an operator token, though springdoc's endpoint is open). */
    static OpenApiOperations read(Cluster cluster) {
        OpenApiOperations api = new OpenApiOperations();
        for (Service s : Cluster.SERVICES) {
            ApiClient.Response r = cluster.api(s).get("/v3/api-docs", cluster.operator());
            County.expect(r, 200);
            JsonNode doc = r.json();
            api.documents.put(s, doc);
            List<Operation> ops = new ArrayList<>();
            for (var path : doc.path("paths").properties()) {
                for (var method : path.getValue().properties()) {
                    JsonNode op = method.getValue();
                    List<Param> params = new ArrayList<>();
                    op.path("parameters").forEach(p -> params.add(new Param(p.get("name").asString(),
                            p.get("in").asString(), p.path("required").asBoolean(false),
                            api.resolve(s, p.path("schema")))));
                    Body body = null;
                    JsonNode rb = op.path("requestBody");
                    if (rb.has("content")) {
                        var content = rb.get("content").properties().iterator().next();
                        JsonNode schema = content.getValue().path("schema");
                        String name = schema.has("$ref") ? refName(schema) : null;
                        body = new Body(content.getKey(), rb.path("required").asBoolean(false), name,
                                api.resolve(s, schema));
                    }
                    ops.add(new Operation(s, method.getKey().toUpperCase(), path.getKey(),
                            op.path("summary").asString(""), List.copyOf(params), body));
                }
            }
            ops.sort(java.util.Comparator.comparing(Operation::path).thenComparing(Operation::method));
            api.operations.put(s, List.copyOf(ops));
        }
        return api;
    }

    List<Operation> operations(Service s) {
        return operations.get(s);
    }

    List<Operation> all() {
        return operations.values().stream().flatMap(List::stream).toList();
    }

    /** The schema with {@code $ref} followed to its component (one level; properties are resolved when listed). */
    JsonNode resolve(Service s, JsonNode schema) {
        JsonNode current = schema;
        for (int i = 0; i < 10 && current.has("$ref"); i++) {
            current = documents.get(s).path("components").path("schemas").path(refName(current));
        }
        return current;
    }

    private static String refName(JsonNode schema) {
        String ref = schema.get("$ref").asString();
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    /** The body's properties, nested objects included (dotted paths), arrays not entered. */
    List<Property> properties(Operation op) {
        List<Property> out = new ArrayList<>();
        if (op.body() != null) {
            collect(op.service(), op.body().schema(), "", out, 0);
        }
        return out;
    }

    private void collect(Service s, JsonNode schema, String prefix, List<Property> out, int depth) {
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asString()));
        for (var p : schema.path("properties").properties()) {
            JsonNode resolved = resolve(s, p.getValue());
            String path = prefix + p.getKey();
            out.add(new Property(path, resolved, required.contains(p.getKey())));
            if (depth < 2 && resolved.has("properties")) {
                collect(s, resolved, path + ".", out, depth + 1);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    /**
     * A small valid world so that generated requests reach validation: unit A (with projects, a report, a problem, a
     * photo, a notice, deals and a feed entry) and unit B, registered through the APIs. Path parameters are filled
     * from it, and bodies start from the schema's {@code example} with its ids replaced by the world's.
     */
    static final class World {
        final Cluster cluster;
        final County county;
        final String unit;
        final String otherUnit;
        /** READY: takes reports, phase moves and milestones. */
        final String project;
        /** Started on 2026-03-01 with June's 360 of 1,200: YELLOW, so it has a notice. */
        final String startedProject;
        final String unitSystem;
        final String promotionStaff;
        final String feed;
        String problemId;
        String photoId;
        String dealId;
        String signedDealId;
        String noticeId;
        String feedJobId;
        String closedPeriod;
        final String period = County.JUNE.toString();

        World(Cluster cluster, String prefix) {
            this.cluster = cluster;
            this.county = new County(prefix, 2, 2, List.of(County.JUNE));
            this.unit = county.units.get(0);
            this.otherUnit = county.units.get(1);
            this.project = unit + "-P0";
            this.startedProject = unit + "-P1";
            String lower = prefix.toLowerCase();
            this.unitSystem = cluster.token(lower + "-system", unit, Role.UNIT_SYSTEM);
            this.promotionStaff = cluster.token(lower + "-promotion", unit, Role.PROMOTION_STAFF);
            this.feed = cluster.token(lower + "-feed", null, Role.STATISTICS_FEED);
        }

        String unitSystemActor() {
            return county.prefix.toLowerCase() + "-system@" + unit;
        }

        String promotionActor() {
            return county.prefix.toLowerCase() + "-promotion@" + unit;
        }

        String feedActor() {
            return county.prefix.toLowerCase() + "-feed";
        }

        /** Registers everything through the public APIs; the unit's own system and staff make their own changes. */
        World build() {
            county.register(cluster);
            county.file(cluster, county.filings(), 500, batch -> { });
            ApiClient registry = cluster.api(Service.PROJECT_REGISTRY);
            County.expect(registry.post("/api/v1/projects/" + startedProject + "/phase", unitSystem,
                    Map.of("phase", "UNDER_CONSTRUCTION", "on", "2026-03-01")), 200);
            ApiClient.Response problem = registry.post("/api/v1/projects/" + project + "/problems", unitSystem,
                    Map.of("type", "LAND", "description", "征地尚未完成", "helpRequested", "请协调"));
            County.expect(problem, 201);
            problemId = problem.json().get("id").asString();
            ApiClient.Response photo = registry.send("POST", "/api/v1/projects/" + project + "/reports/" + period
                            + "/photos?takenAt=2026-06-29T08:00:00Z", unitSystem, multipart("file", "site.png", PNG),
                    MULTIPART);
            County.expect(photo, 201);
            photoId = photo.json().get("photoId").asString();

            ApiClient promotion = cluster.api(Service.INVESTMENT_PROMOTION);
            ApiClient.Response deal = promotion.post("/api/v1/deals", promotionStaff, dealBody());
            County.expect(deal, 201);
            dealId = deal.json().get("id").asString();
            ApiClient.Response signed = promotion.post("/api/v1/deals", promotionStaff, dealBody());
            County.expect(signed, 201);
            signedDealId = signed.json().get("id").asString();
            County.expect(promotion.post("/api/v1/deals/" + signedDealId + "/signing", promotionStaff,
                    Map.of("agreedAmount", 30000, "signedOn", "2026-05-20")), 200);

            ApiClient.Response job = cluster.api(Service.INVESTMENT_STATISTICS).send("POST", "/api/v1/feed/files",
                    feed, multipart("file", "feed.csv",
                            ("项目代码,统计期,入库金额(万元)\n" + project + "," + period + ",100\n")
                                    .getBytes(StandardCharsets.UTF_8)), MULTIPART);
            County.expect(job, 202);
            feedJobId = job.json().get("id").asString();

            ApiClient assessment = cluster.api(Service.ASSESSMENT);
            String operator = cluster.operator();
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                JsonNode notices = assessment.get("/api/v1/notices?unit=" + unit, operator).json();
                if (notices.isArray() && !notices.isEmpty()) {
                    noticeId = notices.get(0).get("noticeId").asString();
                }
                return noticeId != null && "DONE".equals(cluster.api(Service.INVESTMENT_STATISTICS)
                        .get("/api/v1/feed/jobs/" + feedJobId, operator).json().path("status").asString(""));
            });
            return this;
        }

        Map<String, Object> dealBody() {
            return Map.of("company", "某某智能科技有限公司", "industry", "高端装备",
                    "source", Map.of("kind", "FAIR", "fairName", "青洽会"), "intendedInvestment", 30000,
                    "unitCode", unit, "contacts", List.of(Map.of("name", "张经理", "phone", "13800000000")),
                    // Registered before the examples' signing day (2026-05-20); the default, today, is after it.
                    "registeredOn", "2026-05-01");
        }

        /** The value of path or query parameter {@code name} of {@code op} that names the world's resource. */
        String value(Operation op, String name) {
            String path = op.path();
            return switch (name) {
                case "code" -> path.startsWith("/api/v1/units") ? unit : project;
                case "unitCode", "unit" -> unit;
                case "project" -> project;
                case "problemId" -> problemId;
                case "sequence" -> "TOWNSHIP";
                case "kind" -> op.params().stream().filter(p -> p.name().equals("kind")).findFirst()
                        .map(p -> p.enumValues().get(0)).orElse("PLANNING");
                case "period" -> path.startsWith("/api/v1/periods") || path.startsWith("/api/v1/bulletins")
                        ? (closedPeriod != null ? closedPeriod : period) : period;
                case "from" -> "2026-01";
                case "to" -> period;
                case "takenAt" -> "2026-06-29T08:00:00Z";
                case "list" -> "EXEMPT";
                case "id" -> path.startsWith("/api/v1/deals/{id}/funds") || path.startsWith("/api/v1/deals/{id}/landing")
                        ? signedDealId
                        : path.startsWith("/api/v1/deals") ? dealId
                        : path.startsWith("/api/v1/notices") ? noticeId
                        : path.startsWith("/api/v1/photos") ? photoId
                        : path.startsWith("/api/v1/feed/jobs") ? feedJobId : "UNKNOWN-ID";
                default -> "x";
            };
        }

        /**
         * The operation's URL with path parameters from the world, required query parameters too; {@code overrides}
         * replace (or add, or with a null value drop) parameters by name.
         */
        String url(Operation op, Map<String, String> overrides, boolean optionalQuery) {
            String path = op.path();
            List<String> query = new ArrayList<>();
            for (Param p : op.params()) {
                boolean overridden = overrides.containsKey(p.name());
                String v = overridden ? overrides.get(p.name()) : value(op, p.name());
                if ("path".equals(p.in())) {
                    path = path.replace("{" + p.name() + "}", encode(v));
                } else if ("query".equals(p.in()) && v != null
                        && (p.required() || overridden || optionalQuery && List.of("unit", "project").contains(p.name()))) {
                    query.add(p.name() + "=" + encode(v));
                }
            }
            return query.isEmpty() ? path : path + "?" + String.join("&", query);
        }

        /** A valid body for the operation: the schema's example (or one built from its items' examples) with ids from the world. */
        ObjectNode body(OpenApiOperations api, Operation op) {
            Body body = op.body();
            String name = body.schemaName() == null ? "" : body.schemaName();
            ObjectNode node = switch (name) {
                // Dates in these examples lie after the services' today (2026-07-01), which the domain refuses.
                case "Funds" -> object("{\"arrivedOn\": \"2026-06-20\", \"amount\": 100}");
                case "Land" -> object("{\"landedOn\": \"2026-06-25\", \"projectName\": \"智能装备制造基地\", "
                        + "\"category\": \"INDUSTRIAL\", \"plannedStart\": \"2026-12-01\"}");
                case "Terminate" -> object("{\"terminatedOn\": \"2026-06-20\", \"reason\": \"企业投资计划调整\"}");
                case "Batch" -> object("{\"reports\": [{\"projectCode\": \"" + project + "\", \"period\": \"" + period
                        + "\", \"investmentCompleted\": 100, \"workUnderWay\": true}]}");
                default -> body.schema().has("example") ? (ObjectNode) body.schema().get("example").deepCopy()
                        : JSON.createObjectNode();
            };
            // Ids of the world instead of the example's; a create gets a fresh code so it is not a duplicate.
            String fresh = county.prefix + "-NEW-" + op.method().charAt(0) + Math.abs(op.path().hashCode() % 1000);
            if (node.has("unitCode")) {
                node.put("unitCode", unit);
            }
            if (node.has("projectCode") && !"Land".equals(name)) {
                node.put("projectCode", project);
            }
            if (("RegisterUnit".equals(name) || "RegisterProject".equals(name)) && node.has("code")) {
                node.put("code", fresh);
            }
            return node;
        }
    }

    static ObjectNode object(String json) {
        return (ObjectNode) JSON.readTree(json);
    }

    static String encode(String v) {
        return java.net.URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static final String BOUNDARY = "reliability-boundary-7f3a";
    static final String MULTIPART = "multipart/form-data; boundary=" + BOUNDARY;
    /** The smallest bytes the photo endpoint sniffs as PNG (signature + a little more). */
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};

    /** A multipart/form-data body with one file part (none when {@code part} is null). */
    static byte[] multipart(String part, String fileName, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (part != null) {
            out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
                    + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(content);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        } else {
            out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nnone\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** Every topic partition's end offset and every collection's document count in the four services' databases. */
    record Snapshot(Map<TopicPartition, Long> offsets, Map<String, Long> counts) {

        static Snapshot take(Cluster cluster) {
            Map<String, Long> counts = new TreeMap<>();
            try (var mongo = com.mongodb.client.MongoClients.create(cluster.mongoUri())) {
                for (Service s : Cluster.SERVICES) {
                    var db = mongo.getDatabase(Cluster.database(s));
                    for (String c : db.listCollectionNames()) {
                        counts.put(Cluster.database(s) + "/" + c, db.getCollection(c).countDocuments());
                    }
                }
            }
            return new Snapshot(Map.copyOf(cluster.endOffsets()), counts);
        }

        /** Readable differences from {@code before} to this snapshot (empty: none). */
        List<String> since(Snapshot before) {
            List<String> out = new ArrayList<>();
            offsets.forEach((tp, end) -> {
                long was = before.offsets.getOrDefault(tp, 0L);
                if (end != was) {
                    out.add(tp + " end offset " + was + " → " + end);
                }
            });
            counts.forEach((c, n) -> {
                long was = before.counts.getOrDefault(c, 0L);
                if (n != was) {
                    out.add(c + " documents " + was + " → " + n);
                }
            });
            return out;
        }

        int events(Snapshot before) {
            return (int) offsets.entrySet().stream()
                    .mapToLong(e -> e.getValue() - before.offsets.getOrDefault(e.getKey(), 0L)).sum();
        }

        int documents(Snapshot before) {
            return (int) counts.entrySet().stream()
                    .mapToLong(e -> e.getValue() - before.counts.getOrDefault(e.getKey(), 0L)).sum();
        }
    }

    /** Waits until no consumer lags and the topics' end offsets stay the same over one poll: nothing in flight. */
    static void awaitQuiet(Cluster cluster) {
        AtomicReference<Map<TopicPartition, Long>> last = new AtomicReference<>(Map.of());
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> {
            Map<TopicPartition, Long> now = cluster.endOffsets();
            boolean same = now.equals(last.getAndSet(now));
            return same && cluster.lag().values().stream().allMatch(l -> l == 0);
        });
    }

    /**
     * Proves that nothing refused was stored or queued: after {@code before}, registers a marker unit with a valid
     * request, waits until statistics knows it (so every event queued before it, outbox sweeps included, has had
     * its turn) and everything is consumed, then requires every new event and every new document to be the
     * marker's. Returns the marker's own figures (events, documents).
     */
    static int[] assertOnlyMarkerSince(Cluster cluster, Snapshot before, String marker) {
        ApiClient registry = cluster.api(Service.PROJECT_REGISTRY);
        County.expect(registry.post("/api/v1/units", cluster.operator(), Map.of("code", marker, "name", "标记" + marker,
                "kind", "DEPARTMENT")), 201);
        ApiClient statistics = cluster.api(Service.INVESTMENT_STATISTICS);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> statistics.get("/api/v1/units", cluster.operator()).body().contains(marker));
        awaitQuiet(cluster);
        Snapshot after = Snapshot.take(cluster);
        List<String> foreign = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : newRecords(cluster, before.offsets(), after.offsets())) {
            String value = r.value() == null ? "" : new String(r.value(), StandardCharsets.UTF_8);
            if ((r.key() == null || !r.key().contains(marker)) && !value.contains(marker)) {
                foreign.add(r.topic() + " key " + r.key() + ": " + value.substring(0, Math.min(200, value.length())));
            }
        }
        assertThat(foreign).as("events since the snapshot that are not the marker's").isEmpty();
        try (var mongo = com.mongodb.client.MongoClients.create(cluster.mongoUri())) {
            for (var e : after.counts().entrySet()) {
                long added = e.getValue() - before.counts().getOrDefault(e.getKey(), 0L);
                if (added == 0) {
                    continue;
                }
                String[] dbAndCollection = e.getKey().split("/", 2);
                long markers = 0;
                for (Document d : mongo.getDatabase(dbAndCollection[0]).getCollection(dbAndCollection[1]).find()) {
                    if (d.toJson().contains(marker)) {
                        markers++;
                    }
                }
                assertThat(added).as("documents added to %s beyond the marker's", e.getKey()).isEqualTo(markers);
            }
        }
        return new int[]{after.events(before), after.documents(before)};
    }

    /** The records written to every partition between two end-offset snapshots. */
    static List<ConsumerRecord<String, byte[]>> newRecords(Cluster cluster, Map<TopicPartition, Long> from,
                                                          Map<TopicPartition, Long> to) {
        Map<TopicPartition, Long> start = new HashMap<>();
        to.forEach((tp, end) -> {
            long begin = from.getOrDefault(tp, 0L);
            if (end > begin) {
                start.put(tp, begin);
            }
        });
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        if (start.isEmpty()) {
            return out;
        }
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrap(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(start.keySet());
            start.forEach(consumer::seek);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (start.keySet().stream().anyMatch(tp -> consumer.position(tp) < to.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read the new records in 60 s");
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.offset() < to.get(new TopicPartition(r.topic(), r.partition()))) {
                        out.add(r);
                    }
                }
            }
        }
        return out;
    }

    /** Counts by key, sorted, as "400×12, 415×3". */
    static String tally(Map<?, Integer> counts) {
        Map<String, Integer> sorted = new TreeMap<>();
        counts.forEach((k, v) -> sorted.put(String.valueOf(k), v));
        return sorted.entrySet().stream().map(e -> e.getKey() + "×" + e.getValue())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    static Map<String, Integer> perService(List<Operation> ops) {
        Map<String, Integer> out = new LinkedHashMap<>();
        ops.forEach(o -> out.merge(o.service().id, 1, Integer::sum));
        return out;
    }
}
