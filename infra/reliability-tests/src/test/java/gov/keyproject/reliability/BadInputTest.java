package gov.keyproject.reliability;

import gov.keyproject.devstack.ApiClient;
import gov.keyproject.devstack.ServiceProcess.Service;
import gov.keyproject.platform.security.Role;
import gov.keyproject.reliability.OpenApiOperations.Operation;
import gov.keyproject.reliability.OpenApiOperations.Param;
import gov.keyproject.reliability.OpenApiOperations.Property;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 7. Bad input over every operation of the four services' OpenAPI documents, generated from the schemas (not picked
 * by hand): malformed bodies, wrong JSON types, missing required properties, wrong property types, hostile values
 * (100 kB strings, MongoDB operators) and malformed typed parameters each get a 4xx {@code application/problem+json}
 * that names the field, and none of them stores a document or sends an event.
 */
@org.junit.jupiter.api.Order(2) // the heavy ones last: the test store has no secondary indexes
class BadInputTest {

    private static final String HUGE = "A".repeat(100_000);
    /** The only operations an operator may not call (@PreAuthorize("hasRole('UNIT_SYSTEM')")): sent by unit A's system. */
    private static final Set<String> UNIT_SYSTEM_ONLY = Set.of("POST /api/v1/notices/{id}/acknowledge",
            "POST /api/v1/notices/{id}/rectify");
    /** Cases answered 2xx that are defects, excluded by name until mended (none now). */
    private static final Set<String> KNOWN_DEFECTS = Set.of();

    private final Cluster cluster = Cluster.get();

    /** One generated request and what its refusal must name (null: nothing to name, e.g. a body that is not JSON). */
    record Case(Operation op, String name, String url, String contentType, Object body, String field) {
        String id() {
            return op + " " + name;
        }
    }

    @Test
    void everyMalformedOrHostileRequestIsRefusedWithAProblemAndLeavesNoTrace() {
        long start = System.nanoTime();
        OpenApiOperations api = OpenApiOperations.read(cluster);
        OpenApiOperations.World world = new OpenApiOperations.World(cluster, "BAD").build();

        List<Case> cases = new ArrayList<>();
        List<Operation> covered = new ArrayList<>();
        for (Operation op : api.all()) {
            List<Case> generated = generate(api, world, op);
            if (!generated.isEmpty()) {
                covered.add(op);
            }
            generated.stream().filter(c -> !KNOWN_DEFECTS.contains(c.id())).forEach(cases::add);
        }

        OpenApiOperations.awaitQuiet(cluster);
        OpenApiOperations.Snapshot before = OpenApiOperations.Snapshot.take(cluster);
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        Map<Service, ApiClient> clients = new HashMap<>();
        int n = 0;
        for (Case c : cases) {
            // A subject per operation: the per-client rate limit (50/s) is not what this test is about.
            String token = UNIT_SYSTEM_ONLY.contains(c.op().key())
                    ? cluster.token("bad-system-" + (n++ / 20), world.unit, Role.UNIT_SYSTEM)
                    : cluster.token("bad-operator-" + (n++ / 20), null, Role.OPERATOR);
            ApiClient.Response r = clients.computeIfAbsent(c.op().service(), cluster::api)
                    .send(c.op().method(), c.url(), token, c.body(), c.contentType());
            statuses.merge(r.status(), 1, Integer::sum);
            String problem = check(c, r);
            if (problem != null) {
                failures.add(c.id() + " → " + r.status() + " " + r.contentType() + ": " + problem + " | "
                        + abbreviate(r.body()));
            }
        }
        assertThat(failures).as("generated cases not refused as they should be").isEmpty();

        // Everything returned: nothing may have been written synchronously...
        OpenApiOperations.Snapshot afterRequests = OpenApiOperations.Snapshot.take(cluster);
        assertThat(afterRequests.since(before)).as("stored or sent by refused requests").isEmpty();
        // ...nor queued for the outbox relay: a marker change made now arrives after anything queued before it.
        int[] marker = OpenApiOperations.assertOnlyMarkerSince(cluster, before, "BAD-MARKER");

        Map<String, Integer> perService = OpenApiOperations.perService(covered);
        Results.record("7. Bad input", String.format("%d operations generated from the OpenAPI documents (%s) of %d "
                        + "listed; %d cases sent (malformed/wrong-type bodies, each required property missing, each "
                        + "property of the wrong type, enum numbers and bogus names, 100 kB strings, {\"$gt\": \"\"}, "
                        + "$ keys, amounts with 3 decimals or negative, bad months/dates/enums in parameters, multipart "
                        + "without/with empty/garbage file); statuses %s; every one problem+json naming the field "
                        + "where there is one; 0 stored, 0 events (only the marker's %d events, %d documents); %d case(s) "
                        + "answered 2xx excluded as known defects (%s); %s",
                OpenApiOperations.perService(covered).values().stream().mapToInt(Integer::intValue).sum(),
                OpenApiOperations.tally(perService), api.all().size(), cases.size(), OpenApiOperations.tally(statuses),
                marker[0], marker[1], KNOWN_DEFECTS.size(), String.join("; ", KNOWN_DEFECTS), Results.seconds(start)));
    }

    /** Why the answer is wrong, or null when it is a proper refusal. */
    private static String check(Case c, ApiClient.Response r) {
        if (r.status() < 400 || r.status() >= 500) {
            return "not a 4xx";
        }
        if (!Set.of(400, 404, 409, 413, 415, 422).contains(r.status())) {
            return "unexpected 4xx";
        }
        if (!r.contentType().startsWith("application/problem+json")) {
            return "not problem+json";
        }
        if (c.field() == null) {
            return null;
        }
        JsonNode json = r.json();
        List<String> fields = new ArrayList<>();
        json.path("errors").forEach(e -> fields.add(e.path("field").asString("")));
        String f = c.field();
        boolean named = fields.stream().anyMatch(x -> x.equals(f) || x.startsWith(f + ".") || x.startsWith(f + "["))
                || json.path("detail").asString("").contains(f);
        return named ? null : "does not name " + f + " (errors " + fields + ")";
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** Every case the operation's schema implies. */
    private static List<Case> generate(OpenApiOperations api, OpenApiOperations.World world, Operation op) {
        List<Case> out = new ArrayList<>();
        String url = world.url(op, Map.of(), false);
        if (op.body() != null && op.body().multipart()) {
            byte[] valid = validFile(op);
            out.add(new Case(op, "multipart without the file part", url, OpenApiOperations.MULTIPART,
                    OpenApiOperations.multipart(null, null, null), "file"));
            out.add(new Case(op, "empty file", url, OpenApiOperations.MULTIPART,
                    OpenApiOperations.multipart("file", "empty.bin", new byte[0]), "file"));
            out.add(new Case(op, "garbage file", url, OpenApiOperations.MULTIPART, OpenApiOperations.multipart("file",
                    "garbage.xlsx", "\u0000\u0001garbage PK not a file\u00ff".getBytes(StandardCharsets.ISO_8859_1)),
                    "file"));
            out.add(new Case(op, "JSON instead of multipart", url, "application/json", "{}", null));
            for (Case p : paramCases(world, op)) {
                out.add(new Case(op, p.name(), p.url(), OpenApiOperations.MULTIPART,
                        OpenApiOperations.multipart("file", "file", valid), p.field()));
            }
            return out;
        }
        String validBody = null;
        if (op.body() != null) {
            ObjectNode base = world.body(api, op);
            validBody = OpenApiOperations.JSON.writeValueAsString(base);
            String json = "application/json";
            out.add(new Case(op, "body not JSON", url, json, "{\"x\":", null));
            out.add(new Case(op, "body an array", url, json, "[]", null));
            out.add(new Case(op, "body a string", url, json, "\"x\"", null));
            out.add(new Case(op, "body a number", url, json, "42", null));
            out.add(new Case(op, "body as text/plain", url, "text/plain", validBody, null));
            List<Property> properties = api.properties(op);
            if (properties.stream().anyMatch(Property::required)) {
                // Only where something is required: an all-optional body without properties may be valid.
                out.add(new Case(op, "only a $where key", url, json, "{\"$where\": \"sleep(1000)\"}", null));
            }
            for (Property p : properties) {
                for (Map.Entry<String, String> mutation : mutations(p).entrySet()) {
                    ObjectNode body = base.deepCopy();
                    if (!apply(body, p.path(), mutation.getValue())) {
                        continue; // the property's parent is absent from the example: nothing to mutate
                    }
                    out.add(new Case(op, p.path() + " " + mutation.getKey(), url, json,
                            OpenApiOperations.JSON.writeValueAsString(body), p.path()));
                }
            }
        }
        for (Case p : paramCases(world, op)) {
            out.add(new Case(op, p.name(), p.url(), validBody == null ? null : "application/json", validBody,
                    p.field()));
        }
        return out;
    }

    /** A file the multipart operation accepts, so that parameter cases are refused for the parameter alone. */
    private static byte[] validFile(Operation op) {
        return op.path().endsWith("/photos") ? OpenApiOperations.PNG : "x".getBytes(StandardCharsets.UTF_8);
    }

    /** Malformed typed path and query parameters: bogus enum names, impossible months, dates, numbers, booleans. */
    private static List<Case> paramCases(OpenApiOperations.World world, Operation op) {
        List<Case> out = new ArrayList<>();
        for (Param p : op.params()) {
            Map<String, String> bad = new TreeMap<>();
            if (!p.enumValues().isEmpty()) {
                bad.put("bogus enum", "BOGUS");
            } else if (p.month()) {
                bad.put("month 2026-13", "2026-13");
                bad.put("month abc", "abc");
            } else if ("date-time".equals(p.format()) || "date".equals(p.format())) {
                bad.put("date abc", "abc");
            } else if ("number".equals(p.type()) || "integer".equals(p.type())) {
                bad.put("number abc", "abc");
            } else if ("boolean".equals(p.type())) {
                bad.put("boolean maybe", "maybe");
            }
            if (p.required() && "query".equals(p.in()) && !bad.isEmpty()) {
                Map<String, String> missing = new HashMap<>();
                missing.put(p.name(), null);
                out.add(new Case(op, p.in() + " " + p.name() + " missing", world.url(op, missing, false), null, null,
                        p.name()));
            }
            bad.forEach((name, value) -> out.add(new Case(op, p.in() + " " + p.name() + " " + name,
                    world.url(op, Map.of(p.name(), value), false), null, null, p.name())));
        }
        return out;
    }

    /** Mutations of one property by its schema, as JSON fragments (a "-" value: remove the property). */
    private static Map<String, String> mutations(Property p) {
        Map<String, String> m = new TreeMap<>();
        if (p.required()) {
            m.put("missing", "-");
        }
        String format = p.schema().path("format").asString("");
        switch (p.type()) {
            case "string" -> {
                if (p.isEnum()) {
                    m.put("enum as a number", "42");
                    m.put("bogus enum name", "\"BOGUS\"");
                } else if (format.startsWith("date")) {
                    m.put("malformed date", "\"2026-13-45\"");
                } else {
                    m.put("100 kB string", "\"" + HUGE + "\"");
                }
                m.put("object (Mongo operator)", "{\"$gt\": \"\"}");
            }
            case "number", "integer" -> {
                m.put("string", "\"not-a-number\"");
                // The schemas publish no minimum or scale; the coordinates are the only numbers that are not amounts
                // or percentages, where decimals and negatives are legitimate.
                if (!List.of("latitude", "longitude").contains(p.leaf())) {
                    m.put("negative", "-1");
                    if ("number".equals(p.type())) {
                        m.put("3 decimals", "1.125");
                    }
                }
            }
            case "boolean" -> m.put("string", "\"maybe\"");
            case "array" -> {
                m.put("string", "\"x\"");
                m.put("object", "{\"$gt\": \"\"}");
            }
            case "object" -> {
                m.put("string", "\"x\"");
                m.put("array", "[]");
                if (p.map()) {
                    m.put("$ key", "$KEY");
                }
            }
            default -> {
                // untyped: nothing the schema says to contradict
            }
        }
        return m;
    }

    /** Applies a mutation at a dotted path; false when a parent object is missing. */
    private static boolean apply(ObjectNode body, String path, String fragment) {
        String[] parts = path.split("\\.");
        ObjectNode parent = body;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = parent.get(parts[i]);
            if (next == null || !next.isObject()) {
                return false;
            }
            parent = (ObjectNode) next;
        }
        String leaf = parts[parts.length - 1];
        if ("-".equals(fragment)) {
            parent.remove(leaf);
        } else if ("$KEY".equals(fragment)) {
            // A map's key becomes a field name in the stored document: "$gt" there is an operator, not a year.
            JsonNode map = parent.get(leaf);
            ObjectNode replaced = OpenApiOperations.JSON.createObjectNode();
            if (map != null && map.isObject() && !map.isEmpty()) {
                var first = map.properties().iterator().next();
                replaced.set("$gt", first.getValue());
                map.properties().stream().skip(1).forEach(e -> replaced.set(e.getKey(), e.getValue()));
            } else {
                replaced.put("$gt", 1);
            }
            parent.set(leaf, replaced);
        } else {
            parent.set(leaf, OpenApiOperations.JSON.readTree(fragment));
        }
        return true;
    }
}
