package gov.keyproject.reliability;

import gov.keyproject.devstack.ApiClient;
import gov.keyproject.devstack.ServiceProcess.Service;
import gov.keyproject.platform.security.DevTokens;
import gov.keyproject.platform.security.Role;
import gov.keyproject.reliability.OpenApiOperations.Operation;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 8. Permissions over every operation of the four services' OpenAPI documents: no token, a garbage, expired or
 * foreign-signed token are 401 everywhere; a viewer, the statistics feed and another unit's system or promotion
 * staff are refused every change to unit A (403, or 404 where a service hides the resource) and change nothing;
 * and every change the test makes that is accepted has an audit record saying who (subject@unit), when and what.
 */
@org.junit.jupiter.api.Order(3) // the heavy ones last: the test store has no secondary indexes
class PermissionMatrixTest {

    enum Caller { NO_TOKEN, GARBAGE, EXPIRED, FOREIGN_KEY, VIEWER, FEED, OTHER_UNIT_SYSTEM, OTHER_PROMOTION_STAFF }

    private static final Set<Caller> ANONYMOUS = Set.of(Caller.NO_TOKEN, Caller.GARBAGE, Caller.EXPIRED,
            Caller.FOREIGN_KEY);
    private static final Set<Caller> OTHER_UNIT = Set.of(Caller.OTHER_UNIT_SYSTEM, Caller.OTHER_PROMOTION_STAFF);

    /*
     * The rules, read from the controllers' @PreAuthorize, Caller.requireUnit/mayActFor, ProjectAccess and the
     * platform's SecurityConfiguration (GET /api/** needs any role; writes need their @PreAuthorize role):
     * - reads are open to every role, except these, which unit-scoped callers (UNIT_SYSTEM, PROMOTION_STAFF) may
     *   only read for their own unit (registry: ProjectAccess.read and the reports/problems/photo checks; promotion:
     *   DealController.requireRead);
     */
    private static final Set<String> UNIT_SCOPED_READS = Set.of(
            "project-registry GET /api/v1/projects/{code}", "project-registry GET /api/v1/projects/{code}/trail",
            "project-registry GET /api/v1/projects/{code}/reports",
            "project-registry GET /api/v1/projects/{code}/problems", "project-registry GET /api/v1/photos/{id}",
            "investment-promotion GET /api/v1/deals/{id}", "investment-promotion GET /api/v1/deals/{id}/trail");
    /* - lists a unit-scoped caller gets narrowed to its own unit, whatever ?unit= it asks for; */
    private static final Set<String> UNIT_SCOPED_LISTS = Set.of("project-registry GET /api/v1/projects",
            "investment-promotion GET /api/v1/deals");
    /* - the only write a viewer may make: a rebuild reads the event history and compares digests, it stores nothing; */
    private static final Set<String> VIEWER_WRITES = Set.of("assessment POST /api/v1/bulletins/{period}/rebuild");
    /* - the feed's own endpoint (its accepted upload is part of the world and has its audit check below); */
    private static final Set<String> FEED_WRITES = Set.of("investment-statistics POST /api/v1/feed/files");
    /* - writes whose role admits another unit's caller and that refuse unit A's items one by one (200, all refused). */
    private static final Map<String, Caller> PER_ITEM_REFUSALS = Map.of(
            "project-registry POST /api/v1/reports/batch", Caller.OTHER_UNIT_SYSTEM,
            "investment-promotion POST /api/v1/deals/import", Caller.OTHER_PROMOTION_STAFF);


    private final Cluster cluster = Cluster.get();

    @Test
    void everyCallerWithoutTheRightIsRefusedEverywhereAndEveryAcceptedChangeIsAudited() throws IOException {
        long start = System.nanoTime();
        OpenApiOperations api = OpenApiOperations.read(cluster);
        OpenApiOperations.World world = new OpenApiOperations.World(cluster, "PRM").build();
        String operator = cluster.operator();
        ApiClient registry = cluster.api(Service.PROJECT_REGISTRY);
        ApiClient assessment = cluster.api(Service.ASSESSMENT);
        ApiClient statistics = cluster.api(Service.INVESTMENT_STATISTICS);

        // Accepted changes by unit A's own system and by operators, each to be found in an audit record below.
        County.expect(registry.put("/api/v1/units/" + world.unit + "/contact", world.unitSystem,
                Map.of("contactPerson", "王主任", "contactPhone", "0531-88881234")), 200);
        County.expect(registry.put("/api/v1/projects/" + world.project + "/reports/" + world.period, world.unitSystem,
                Map.of("investmentCompleted", new java.math.BigDecimal("661"), "workUnderWay", true)), 200);
        County.expect(assessment.post("/api/v1/notices/" + world.noticeId + "/acknowledge", world.unitSystem,
                Map.of("text", "已领办")), 200);
        County.expect(assessment.put("/api/v1/lists/" + world.unit, operator,
                Map.of("list", "EXEMPT", "reason", "权限测试")), 200);
        JsonNode listing = find(assessment.get("/api/v1/lists", operator).json(), "unitCode", world.unit);
        County.expect(assessment.send("DELETE", "/api/v1/lists/" + world.unit + "?list=EXEMPT", operator, null, null),
                204);
        world.closedPeriod = "2025-03"; // long past: its frozen figures concern no other test
        County.expect(statistics.send("POST", "/api/v1/periods/" + world.closedPeriod + "/close", operator, null,
                null), 201);
        OpenApiOperations.awaitQuiet(cluster);

        // What an operator gets from each read: the same answer is what "allowed to read" means for others.
        Map<String, Integer> operatorReads = new TreeMap<>();
        for (Operation op : api.all()) {
            if (!op.mutating()) {
                operatorReads.put(op.toString(), cluster.api(op.service())
                        .get(world.url(op, Map.of(), true), operator).status());
            }
        }

        Map<Caller, String> tokens = tokens(world);
        OpenApiOperations.Snapshot before = OpenApiOperations.Snapshot.take(cluster);
        Map<Integer, Integer> refusals = new TreeMap<>();
        Map<String, Integer> allowed = new TreeMap<>();
        Set<String> openToOtherUnits = new TreeSet<>();
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Operation op : api.all()) {
            for (Caller caller : Caller.values()) {
                if (caller == Caller.FEED && FEED_WRITES.contains(op.toString())) {
                    continue;
                }
                ApiClient.Response r = send(api, world, op, tokens.get(caller));
                checked++;
                String wrong = judge(op, caller, r, operatorReads, world);
                if (wrong != null) {
                    failures.add(caller + " " + op + " → " + r.status() + ": " + wrong + " | "
                            + (r.body().length() > 300 ? r.body().substring(0, 300) : r.body()));
                } else if (r.status() >= 400) {
                    refusals.merge(r.status(), 1, Integer::sum);
                } else {
                    allowed.merge(caller.name(), 1, Integer::sum);
                    if (OTHER_UNIT.contains(caller) && !op.mutating() && !UNIT_SCOPED_LISTS.contains(op.toString())) {
                        openToOtherUnits.add(op.toString());
                    }
                }
            }
        }
        assertThat(failures).as("callers not refused (or refused) as the rules say").isEmpty();
        OpenApiOperations.Snapshot afterRequests = OpenApiOperations.Snapshot.take(cluster);
        assertThat(afterRequests.since(before)).as("changed by refused requests").isEmpty();
        int[] marker = OpenApiOperations.assertOnlyMarkerSince(cluster, before, "PRM-MARKER");

        // Audit: every accepted change above, read back through the public API where there is one.
        Map<String, Boolean> audit = new LinkedHashMap<>();
        String system = world.unitSystemActor();
        JsonNode unitTrail = registry.get("/api/v1/units/" + world.unit + "/trail", operator).json();
        audit.put("registry POST /api/v1/units (operator)", has(unitTrail, "operator-reliability", 1));
        audit.put("registry PUT /api/v1/units/{code}/contact (unit A's system)", has(unitTrail, system, 1));
        JsonNode p0 = registry.get("/api/v1/projects/" + world.project + "/trail", operator).json();
        audit.put("registry POST /api/v1/projects (operator)", hasPrefix(p0, "operator-"));
        audit.put("registry POST /api/v1/reports/batch (operator)", has(p0, "operator-reliability", 1));
        // problem raised, photo attached, report corrected: three entries by unit A's system
        audit.put("registry POST problems + POST photos + PUT reports/{period} (unit A's system)", has(p0, system, 3));
        audit.put("registry POST /api/v1/projects/{code}/phase (unit A's system)",
                has(registry.get("/api/v1/projects/" + world.startedProject + "/trail", operator).json(), system, 1));
        ApiClient promotion = cluster.api(Service.INVESTMENT_PROMOTION);
        audit.put("promotion POST /api/v1/deals (unit A's promotion staff)", has(promotion.get("/api/v1/deals/"
                + world.dealId + "/trail", world.promotionStaff).json(), world.promotionActor(), 1));
        audit.put("promotion POST /api/v1/deals + POST signing (unit A's promotion staff)", has(promotion.get(
                "/api/v1/deals/" + world.signedDealId + "/trail", world.promotionStaff).json(), world.promotionActor(), 2));
        JsonNode notice = assessment.get("/api/v1/notices/" + world.noticeId, operator).json();
        audit.put("assessment POST /api/v1/notices/{id}/acknowledge (unit A's system)",
                has(notice.path("trail"), system, 1));
        audit.put("assessment PUT /api/v1/lists/{unitCode} (operator)", listing != null
                && "operator-reliability".equals(listing.path("by").asString("")) && listing.hasNonNull("at"));
        JsonNode history = assessment.get("/api/v1/lists/" + world.unit + "/history", operator).json();
        JsonNode removal = history.isEmpty() ? null : history.get(history.size() - 1);
        audit.put("assessment DELETE /api/v1/lists/{unitCode} (operator)", removal != null
                && "REMOVE".equals(removal.path("action").asString("")) && "EXEMPT".equals(removal.path("list")
                .asString("")) && "operator-reliability".equals(removal.path("by").asString(""))
                && removal.hasNonNull("at"));
        JsonNode period = statistics.get("/api/v1/periods/" + world.closedPeriod, operator).json();
        audit.put("statistics POST /api/v1/periods/{period}/close (operator)",
                "operator-reliability".equals(period.path("closedBy").asString("")) && period.hasNonNull("closedAt"));
        JsonNode entries = statistics.get("/api/v1/feed/entries?project=" + world.project, operator).json();
        boolean revision = false;
        for (JsonNode e : entries) {
            for (JsonNode rev : e.path("revisions")) {
                revision |= ("file:" + world.feedJobId).equals(rev.path("source").asString("")) && rev.hasNonNull("at");
            }
        }
        audit.put("statistics feed entry revision names its job and time", revision);
        JsonNode job = statistics.get("/api/v1/feed/jobs/" + world.feedJobId, operator).json();
        audit.put("statistics POST /api/v1/feed/files (the feed): the job names who uploaded it and when",
                world.feedActor().equals(job.path("createdBy").asString("")) && job.hasNonNull("createdAt"));

        Set<String> missing = new TreeSet<>();
        audit.forEach((change, found) -> {
            if (!found) {
                missing.add(change);
            }
        });
        assertThat(missing).as("accepted changes without an audit record").isEmpty();

        int operations = api.all().size();
        Results.record("8. Permissions", String.format("%d operations × %d callers (no token, garbage, expired, "
                        + "foreign key, viewer, feed, unit B's system, unit B's promotion staff) = %d requests on unit "
                        + "A's resources (an operator's own reads: %s); refusals %s; allowed as the rules say %s (reads open to every role; a "
                        + "viewer's bulletin rebuild; per-item refusals of another unit's batch/import rows); reads of "
                        + "unit A open to another unit by design: %d (%s); 0 changes (only the marker's %d events, %d "
                        + "documents); %d audit records checked (who subject@unit, when, what), %d gaps: %s; %s",
                operations, Caller.values().length, checked,
                OpenApiOperations.tally(operatorReads.values().stream().collect(java.util.stream.Collectors.toMap(
                        String::valueOf, v -> 1, Integer::sum))), OpenApiOperations.tally(refusals),
                OpenApiOperations.tally(allowed), openToOtherUnits.size(), String.join("; ", openToOtherUnits),
                marker[0], marker[1], audit.size() - missing.size(), missing.size(), String.join("; ", missing),
                Results.seconds(start)));
    }

    /** Why the answer breaks the rules, or null. */
    private static String judge(Operation op, Caller caller, ApiClient.Response r, Map<String, Integer> operatorReads,
                                OpenApiOperations.World world) {
        String key = op.toString();
        if (ANONYMOUS.contains(caller)) {
            return r.status() == 401 ? problem(r) : "expected 401";
        }
        if (!op.mutating()) {
            if (OTHER_UNIT.contains(caller) && UNIT_SCOPED_READS.contains(key)) {
                return r.status() == 403 || r.status() == 404 ? problem(r) : "expected 403/404 for another unit";
            }
            int expected = operatorReads.get(key);
            if (r.status() != expected) {
                return "expected " + expected + " as for an operator";
            }
            if (OTHER_UNIT.contains(caller) && UNIT_SCOPED_LISTS.contains(key)
                    && (r.body().contains(world.project) || r.body().contains(world.dealId))) {
                return "another unit's list shows unit A's items";
            }
            return null;
        }
        if (caller == Caller.VIEWER && VIEWER_WRITES.contains(key)) {
            return r.status() == 200 || r.status() == 404 ? null : "expected the rebuild (200, or 404 without one)";
        }
        if (PER_ITEM_REFUSALS.get(key) == caller) {
            if (r.status() != 200) {
                return "expected 200 with every item refused";
            }
            JsonNode json = r.json();
            boolean allRefused = json.isArray()
                    ? java.util.stream.StreamSupport.stream(json.spliterator(), false)
                            .allMatch(o -> "REJECTED".equals(o.path("status").asString("")))
                    : json.path("created").asInt(-1) == 0 && json.path("updated").asInt(-1) == 0
                            && json.path("rejected").asInt(0) > 0;
            return allRefused ? null : "an item was accepted";
        }
        if (r.status() == 403 || OTHER_UNIT.contains(caller) && r.status() == 404) {
            return problem(r);
        }
        return "expected 403" + (OTHER_UNIT.contains(caller) ? "/404" : "");
    }

    private static String problem(ApiClient.Response r) {
        return r.contentType().startsWith("application/problem+json") ? null : "not problem+json";
    }

    /** One request of the operation on unit A's resources with a valid body. */
    private static ApiClient.Response send(OpenApiOperations api, OpenApiOperations.World world, Operation op,
                                           String token) {
        ApiClient client = new ApiClient(Cluster.get().service(op.service()).baseUrl());
        String url = world.url(op, Map.of(), true);
        if (op.body() == null) {
            return client.send(op.method(), url, token, null, null);
        }
        if (op.body().multipart()) {
            byte[] file = op.path().endsWith("/photos") ? OpenApiOperations.PNG
                    : op.path().equals("/api/v1/deals/import") ? dealSheet(world.unit)
                    : op.path().equals("/api/v1/feed/files")
                            ? ("项目代码,统计期,入库金额(万元)\n" + world.project + "," + world.period + ",999\n")
                                    .getBytes(StandardCharsets.UTF_8)
                            : "x".getBytes(StandardCharsets.UTF_8);
            return client.send(op.method(), url, token, OpenApiOperations.multipart("file", "upload", file),
                    OpenApiOperations.MULTIPART);
        }
        return client.send(op.method(), url, token,
                OpenApiOperations.JSON.writeValueAsString(world.body(api, op)), "application/json");
    }

    private Map<Caller, String> tokens(OpenApiOperations.World world) throws IOException {
        Map<Caller, String> t = new LinkedHashMap<>();
        t.put(Caller.NO_TOKEN, null);
        t.put(Caller.GARBAGE, "garbage.not-a.jwt");
        // An operator's token from the cluster's own key, expired ten minutes ago (beyond the 60 s clock skew).
        t.put(Caller.EXPIRED, DevTokens.inDirectory(cluster.logs().resolve("keys"))
                .mint("prm-expired", null, List.of(Role.OPERATOR), Duration.ofMinutes(-10)));
        // An operator's token signed by a key the services do not trust.
        t.put(Caller.FOREIGN_KEY, DevTokens.inDirectory(Files.createTempDirectory("foreign-keys"))
                .mint("prm-forged", null, List.of(Role.OPERATOR), Duration.ofHours(1)));
        t.put(Caller.VIEWER, cluster.token("prm-viewer", null, Role.VIEWER));
        t.put(Caller.FEED, cluster.token("prm-matrix-feed", null, Role.STATISTICS_FEED));
        t.put(Caller.OTHER_UNIT_SYSTEM, cluster.token("prm-b-system", world.otherUnit, Role.UNIT_SYSTEM));
        t.put(Caller.OTHER_PROMOTION_STAFF, cluster.token("prm-b-promotion", world.otherUnit, Role.PROMOTION_STAFF));
        return t;
    }

    /** Whether the trail has at least {@code n} entries by {@code actor}, each with a time and an action. */
    private static boolean has(JsonNode trail, String actor, int n) {
        int found = 0;
        for (JsonNode e : trail) {
            if (actor.equals(e.path("actor").asString("")) && e.hasNonNull("at")
                    && !e.path("action").asString("").isBlank()) {
                found++;
            }
        }
        return found >= n;
    }

    private static boolean hasPrefix(JsonNode trail, String prefix) {
        for (JsonNode e : trail) {
            if (e.path("actor").asString("").startsWith(prefix) && e.hasNonNull("at")
                    && !e.path("action").asString("").isBlank()) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode n : array) {
            if (value.equals(n.path(field).asString(""))) {
                return n;
            }
        }
        return null;
    }

    /** A one-row 招商 import sheet (.xlsx written by hand: inline strings, no shared-strings part). */
    private static byte[] dealSheet(String unit) {
        List<List<String>> rows = List.of(List.of("编号", "企业名称", "产业", "来源", "意向投资(万元)", "责任单位编码"),
                List.of("", "越权导入有限公司", "高端装备", "上门招商", "1000", unit));
        StringBuilder sheet = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\""
                + "http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        for (int r = 0; r < rows.size(); r++) {
            sheet.append("<row r=\"").append(r + 1).append("\">");
            for (int c = 0; c < rows.get(r).size(); c++) {
                String v = rows.get(r).get(c);
                if (!v.isEmpty()) {
                    sheet.append("<c r=\"").append((char) ('A' + c)).append(r + 1).append("\" t=\"inlineStr\"><is><t>")
                            .append(v).append("</t></is></c>");
                }
            }
            sheet.append("</row>");
        }
        sheet.append("</sheetData></worksheet>");
        String rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas."
                + "openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/"
                + "vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/"
                + "xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-"
                + "officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" "
                + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>");
        parts.put("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas."
                + "openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"" + rel
                + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
        parts.put("xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas."
                + "openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"" + rel + "\"><sheets><sheet name=\"Sheet1\" "
                + "sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
        parts.put("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\""
                + "http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\""
                + rel + "/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
        parts.put("xl/worksheets/sheet1.xml", sheet.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var p : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(p.getKey()));
                zip.write(p.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
