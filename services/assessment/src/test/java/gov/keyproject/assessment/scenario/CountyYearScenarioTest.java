package gov.keyproject.assessment.scenario;

import gov.keyproject.assessment.AssessmentIntegrationTest;
import gov.keyproject.assessment.scenario.CountyOracle.Colour;
import gov.keyproject.assessment.scenario.CountyOracle.Move;
import gov.keyproject.assessment.scenario.CountyOracle.Notice;
import gov.keyproject.assessment.supervision.Supervisor;
import gov.keyproject.contracts.EventCodec;
import gov.keyproject.contracts.EventEnvelope;
import gov.keyproject.contracts.Topics;
import gov.keyproject.contracts.UnitKind;
import gov.keyproject.contracts.promotion.DealLanded;
import gov.keyproject.contracts.registry.UnitRegistered;
import gov.keyproject.contracts.statistics.InvestmentEntryRecorded;
import gov.keyproject.devstack.ApiClient;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A county's year, 2025, walked through the real broker with the injected clock (DOMAIN §3–§5): 21 units in three
 * sequences, 100 projects, 16 deals, monthly reports (some corrected, some late, some never: 漏报), the statistics
 * bureau's entries (some late, some never: 入库滞后), milestones met on time, late or never, starts early, late or
 * never, deals signed, funded (once above the agreed amount), landed as projects, terminated and flagged as 纸上项目,
 * the office's 免试清单 and 负面清单, and units handling some notices by API (领办 → 整改 → [驳回 → 整改] → 销号)
 * while leaving others to go overdue and escalate. On each walked day the other services' events are published and
 * applied, the daily sweep runs, and the planned notice moves are made.
 *
 * <p>{@link CountyOracle}, written from DOMAIN.md alone, is fed the same inputs on the same days. On every walked day
 * every project's colour and reasons must match; at every month end so must every unit's notices (status, deadline,
 * escalation links, who is copied, trail) and every sequence's ranking for p(D) (order, scores to 0.01, 红榜 and
 * 黑榜); over the year the escalations must be some and as many as the oracle's. Disagreements are collected, written
 * to {@code target/county-year-disagreements.txt} and reported together at the end.
 *
 * <p>The walk covers the days that matter ({@link County#daysThatMatter}: the first week of each month, every third
 * day, month ends), about half the year, so the test stays within a few minutes; {@code -Dcounty.daily=true} walks
 * every day of the year instead (about twice as long).
 */
class CountyYearScenarioTest extends AssessmentIntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(CountyYearScenarioTest.class);
    private static final String REGISTRY = "/keyproject/project-registry";
    private static final String STATISTICS = "/keyproject/investment-statistics";
    private static final String PROMOTION = "/keyproject/investment-promotion";
    private static final long SEED = 20_250_101L;
    private static final int MAX_REPORTED = 60;
    private static final String CONSUMER_GROUP = "assessment";

    @Autowired
    private Supervisor supervisor;

    @Autowired
    private MongoTemplate mongo;

    private final List<String> failures = new ArrayList<>();
    private final Map<String, Integer> categories = new TreeMap<>();
    private final Map<String, Integer> compared = new TreeMap<>();
    private final Map<String, String> noticeIds = new HashMap<>();
    private final Map<String, String> tokens = new HashMap<>();
    private final Map<String, Long> nanos = new TreeMap<>();
    private final List<String> foreignSequences = new ArrayList<>();
    private final Map<String, Integer> published = new TreeMap<>();
    private String prefix;

    @Test
    void aCountyYearAgreesWithTheIndependentReckoning() throws Exception {
        long began = System.nanoTime();
        prefix = unique("CY");
        boolean daily = Boolean.getBoolean("county.daily");
        County county = new County(prefix, SEED, daily ? d -> true : County::daysThatMatter);
        CountyOracle oracle = new CountyOracle(n -> plan(n, prefix));
        ApiClient api = api();
        int days = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers.kafkaBootstrap(), ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new ByteArraySerializer());
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                     servers.kafkaBootstrap()))) {
            for (LocalDate day = County.FIRST; !day.isAfter(County.LAST); day = day.plusDays(1)) {
                if (county.walked(day)) {
                    walk(day, county, oracle, api, producer, admin);
                    days++;
                }
            }
        }

        // (c) Escalations over the year: some, and as many as the oracle counts.
        int escalations = 0;
        Map<String, Integer> byStatus = new TreeMap<>();
        for (JsonNode n : api.get("/api/v1/notices", viewer()).json()) {
            if (n.get("projectCode").asString().startsWith(prefix + "-")) {
                byStatus.merge(n.get("colour").asString() + " " + n.get("status").asString(), 1, Integer::sum);
                escalations += "ESCALATED".equals(n.get("status").asString()) ? 1 : 0;
            }
        }
        Map<String, Integer> expectedByStatus = new TreeMap<>();
        oracle.allNotices().forEach(n -> expectedByStatus.merge(n.colour + " " + n.status(), 1, Integer::sum));
        log.info("County year {}: {} days walked in {} s ({}); events published {}; plan {}; notices at year end {} "
                        + "(oracle {}); escalations {} (oracle {}, {} of them into an open red notice); "
                        + "comparisons {}; lists not compared (other tests' units ranked alongside) {}",
                County.YEAR, days, (System.nanoTime() - began) / 1_000_000_000L, summary(nanos), published,
                county.tally, byStatus, expectedByStatus, escalations, oracle.escalations(),
                oracle.escalationsIntoExistingRed(), compared, foreignSequences);
        assertThat(oracle.escalations()).as("the scenario makes yellow notices escalate").isPositive();
        assertThat(oracle.escalationsIntoExistingRed()).as("some into an open red notice").isPositive();
        assertThat(escalations).as("escalations over the year").isPositive();
        check(escalations == oracle.escalations(), County.LAST, "escalations",
                "escalations over the year: service " + escalations + ", oracle " + oracle.escalations());

        Path report = Path.of("target", "county-year-disagreements.txt");
        Files.write(report, failures);
        for (String category : List.of("colour", "reasons", "notices", "notice move", "ranking", "ranking score",
                "ranking order", "honour list", "black list", "escalations", "list")) {
            categories.putIfAbsent(category, 0);
        }
        assertThat(failures).as(failures.size() + " disagreements with the independent reckoning " + categories
                + " (all of them in " + report.toAbsolutePath() + "); the first "
                + Math.min(MAX_REPORTED, failures.size()) + ":\n" + String.join("\n",
                failures.subList(0, Math.min(MAX_REPORTED, failures.size())))).isEmpty();
    }

    /**
     * One simulated day: the day's events published and applied (units on the first day; then the statistics
     * feed, the registry, promotion, one topic at a time, so a project's inputs are applied in the order the oracle
     * applies them), the operator's list changes, the daily sweep, the planned notice moves by API, and the checks.
     */
    private void walk(LocalDate day, County county, CountyOracle oracle, ApiClient api,
                      KafkaProducer<String, byte[]> producer, Admin admin) throws Exception {
        clock.setDay(day);
        long t = System.nanoTime();
        if (day.equals(County.FIRST)) {
            List<County.Out> units = new ArrayList<>();
            for (County.Unit u : county.units) {
                units.add(new County.Out(new UnitRegistered(u.code(), u.name() + u.code(), u.kind()), 1));
                oracle.unit(u.code(), u.kind());
            }
            send(producer, REGISTRY, units);
            awaitApplied("units", units, o -> "lastSequence");
        }
        List<County.Out> feed = county.feed(day);
        if (!feed.isEmpty()) {
            send(producer, STATISTICS, feed);
            awaitApplied("projects", feed, o -> ((InvestmentEntryRecorded) o.event()).projectCode(),
                    o -> "enteredSeq." + ((InvestmentEntryRecorded) o.event()).period());
            feed.forEach(o -> oracle.project(o.event(), day));
        }
        List<County.Out> registry = county.registry(day);
        if (!registry.isEmpty()) {
            send(producer, REGISTRY, registry);
            awaitApplied("projects", registry, o -> "lastSequence");
            registry.forEach(o -> oracle.project(o.event(), day));
        }
        List<County.Out> deals = county.deals(day);
        if (!deals.isEmpty()) {
            send(producer, PROMOTION, deals);
            // DealLanded is the registry's business: assessment records nothing for it.
            awaitApplied("deals", deals.stream().filter(o -> !(o.event() instanceof DealLanded)).toList(),
                    o -> "lastSequence");
            deals.forEach(o -> oracle.deal(o.event()));
        }
        for (Map.Entry<String, String> listing : county.lists.getOrDefault(day, List.of())) {
            ApiClient.Response r = api.put("/api/v1/lists/" + listing.getKey(), operator(),
                    Map.of("list", listing.getValue(), "reason", "EXEMPT".equals(listing.getValue())
                            ? "一季度重点项目攻坚成效突出" : "庸懒散浮拖，推进不力"));
            check(r.status() == 200, day, "list", listing + " answered " + r.status() + " " + r.body());
            oracle.list(listing.getKey(), listing.getValue());
        }
        time("1 publish and apply", t);

        t = System.nanoTime();
        boolean monthEnd = day.equals(YearMonth.from(day).atEndOfMonth());
        if (monthEnd) {
            // Before the month-end checks, let the consumers finish what follows a write (the unit's tally and
            // its sequence's ranking), so that the sweep is the last to re-rank.
            awaitConsumersIdle(admin);
        }
        supervisor.sweep();
        oracle.sweep(day);
        time("2 sweep", t);

        t = System.nanoTime();
        for (Map.Entry<Notice, String> due : oracle.dueMoves(day)) {
            Notice n = due.getKey();
            if (n.open()) {
                moveByApi(api, n, due.getValue(), day);
                oracle.move(n, due.getValue(), day);
            }
            CountyOracle.done(n);
        }
        time("3 notice moves", t);

        t = System.nanoTime();
        checkColours(api, oracle, day);
        if (monthEnd) {
            for (County.Unit u : county.units) {
                checkNotices(api, oracle, u.code(), day);
            }
            for (UnitKind kind : UnitKind.values()) {
                checkRanking(api, oracle, kind, day);
            }
            log.info("{}: month end checked; {} disagreements so far", day, failures.size());
        }
        time("4 checks", t);
    }

    // ------------------------------------------------------------------------------------------------ notice plans

    /**
     * How the unit and the office handle a notice, decided (reproducibly, from the notice itself) when it is
     * issued: most red notices are taken on, rectified and closed in time, some with a rejection, some closed late,
     * some left; yellow ones alike, with more of them left to go overdue and escalate.
     */
    static List<Move> plan(Notice n, String prefix) {
        String local = n.key().substring(prefix.length());
        Random r = new Random(SEED * 31 + local.hashCode());
        LocalDate d = n.issuedOn;
        double x = r.nextDouble();
        List<Move> moves = new ArrayList<>();
        if (n.colour == Colour.RED && n.escalatedFrom != null) {
            if (x < 0.8) {
                moves(moves, d, 1 + r.nextInt(2), "ACKNOWLEDGE", 1 + r.nextInt(3), "RECTIFY", 1 + r.nextInt(3),
                        "CLOSE");
            }
        } else if (n.colour == Colour.RED) {
            if (x < 0.55) {
                moves(moves, d, 1, "ACKNOWLEDGE", 1 + r.nextInt(3), "RECTIFY", 1 + r.nextInt(3), "CLOSE");
            } else if (x < 0.67) {
                moves(moves, d, 1, "ACKNOWLEDGE", 1, "RECTIFY", 1, "REJECT", 1 + r.nextInt(2), "RECTIFY", 1,
                        "CLOSE");
            } else if (x < 0.85) {
                moves(moves, d, 2, "ACKNOWLEDGE", 3, "RECTIFY", 4 + r.nextInt(12), "CLOSE");
            } else if (x < 0.9) {
                moves(moves, d, 1 + r.nextInt(3), "ACKNOWLEDGE", 3, "RECTIFY");
            }
        } else {
            if (x < 0.45) {
                moves(moves, d, 1 + r.nextInt(3), "ACKNOWLEDGE", 3 + r.nextInt(6), "RECTIFY", 1 + r.nextInt(5),
                        "CLOSE");
            } else if (x < 0.55) {
                moves(moves, d, 2, "ACKNOWLEDGE", 3, "RECTIFY", 2, "REJECT", 2, "RECTIFY", 3 + r.nextInt(4),
                        "CLOSE");
            } else if (x < 0.75) {
                moves(moves, d, 1 + r.nextInt(5), "ACKNOWLEDGE");
            }
        }
        return moves;
    }

    /** Moves at cumulative day offsets: (offset, action) pairs. */
    private static void moves(List<Move> moves, LocalDate from, Object... offsetsAndActions) {
        LocalDate day = from;
        for (int i = 0; i < offsetsAndActions.length; i += 2) {
            day = day.plusDays((Integer) offsetsAndActions[i]);
            moves.add(new Move(day, (String) offsetsAndActions[i + 1]));
        }
    }

    private void moveByApi(ApiClient api, Notice n, String action, LocalDate day) {
        String id = noticeIds.get(n.key());
        if (id == null) {
            JsonNode w = api.get("/api/v1/projects/" + n.project.code + "/warning", viewer()).json();
            for (JsonNode v : w.path("notices")) {
                if (v.get("colour").asString().equals(n.colour.name())
                        && v.get("issuedOn").asString().equals(n.issuedOn.toString())
                        && !Set.of("CLOSED", "ESCALATED").contains(v.get("stage").asString())) {
                    id = v.get("noticeId").asString();
                }
            }
            if (id == null) {
                fail(day, "notice move", action + " " + n.key() + ": the service has no such open notice");
                return;
            }
            noticeIds.put(n.key(), id);
        }
        boolean byUnit = action.equals("ACKNOWLEDGE") || action.equals("RECTIFY");
        String token = byUnit ? tokens.computeIfAbsent(n.project.unit, AssessmentIntegrationTest::unitSystem)
                : tokens.computeIfAbsent("operator", k -> operator());
        String text = switch (action) {
            case "RECTIFY" -> "已制定整改方案并推进落实";
            case "REJECT" -> "整改措施不具体，驳回重办";
            case "CLOSE" -> "经核实已整改到位，办结销号";
            default -> "已领办";
        };
        ApiClient.Response r = api.post("/api/v1/notices/" + id + "/" + action.toLowerCase(), token,
                Map.of("text", text));
        check(r.status() == 200, day, "notice move", action + " " + n.key() + " (" + id + ") answered "
                + r.status() + " " + r.body());
        compared.merge("notice moves by API", 1, Integer::sum);
    }

    // ------------------------------------------------------------------------------------------------ publishing

    private void send(KafkaProducer<String, byte[]> producer, String source, List<County.Out> events)
            throws InterruptedException, ExecutionException {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (County.Out o : events) {
            EventEnvelope envelope = EventCodec.wrap(o.event(), source, o.sequence(), Instant.now(), null,
                    Instant.now());
            sent.add(producer.send(new ProducerRecord<>(o.event().eventType().topic(), o.event().aggregateId(),
                    EventCodec.encode(envelope))));
            published.merge(o.event().getClass().getSimpleName(), 1, Integer::sum);
        }
        producer.flush();
        for (Future<RecordMetadata> f : sent) {
            f.get();
        }
    }

    /** Waits until the service's documents show every event applied (their last sequence at least the event's). */
    private void awaitApplied(String collection, List<County.Out> events, Function<County.Out, String> field) {
        awaitApplied(collection, events, o -> o.event().aggregateId(), field);
    }

    /** As above, with the document each event lands in ({@code id}) named explicitly. */
    private void awaitApplied(String collection, List<County.Out> events, Function<County.Out, String> id,
                              Function<County.Out, String> field) {
        Map<String, Map<String, Long>> expected = new LinkedHashMap<>();
        for (County.Out o : events) {
            expected.computeIfAbsent(id.apply(o), k -> new HashMap<>())
                    .merge(field.apply(o), o.sequence(), Math::max);
        }
        if (expected.isEmpty()) {
            return;
        }
        await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10))
                .until(() -> {
                    Query query = new Query(Criteria.where("_id").in(expected.keySet()));
                    query.fields().include("lastSequence").include("enteredSeq");
                    int done = 0;
                    for (Document d : mongo.find(query, Document.class, collection)) {
                        boolean all = true;
                        for (Map.Entry<String, Long> e : expected.get(d.getString("_id")).entrySet()) {
                            Object v = d;
                            for (String part : e.getKey().split("\\.")) {
                                v = v instanceof Document doc ? doc.get(part) : null;
                            }
                            all &= v instanceof Number num && num.longValue() >= e.getValue();
                        }
                        done += all ? 1 : 0;
                    }
                    return done == expected.size();
                });
    }

    /** Waits until the service's consumer group has committed everything on the topics this test feeds. */
    private static void awaitConsumersIdle(Admin admin) {
        Set<String> topics = Set.of(Topics.REGISTRY_UNIT_EVENTS, Topics.REGISTRY_PROJECT_EVENTS,
                Topics.STATISTICS_ENTRY_EVENTS, Topics.PROMOTION_DEAL_EVENTS);
        await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(CONSUMER_GROUP)
                            .partitionsToOffsetAndMetadata().get();
                    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                    admin.describeTopics(topics).allTopicNames().get().values().forEach(t -> t.partitions()
                            .forEach(p -> latest.put(new TopicPartition(t.name(), p.partition()),
                                    OffsetSpec.latest())));
                    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                            .get();
                    return ends.entrySet().stream().allMatch(e -> e.getValue().offset() == 0
                            || committed.get(e.getKey()) != null
                            && committed.get(e.getKey()).offset() >= e.getValue().offset());
                });
    }

    // ------------------------------------------------------------------------------------------------ checks

    private void check(boolean ok, LocalDate day, String category, String what) {
        if (!ok) {
            fail(day, category, what);
        }
    }

    private void fail(LocalDate day, String category, String what) {
        failures.add(day + " [" + category + "] " + what);
        categories.merge(category, 1, Integer::sum);
    }

    /** (a) Every coloured project of the county: colour and reason codes with their levels, as the oracle says. */
    private void checkColours(ApiClient api, CountyOracle oracle, LocalDate day) {
        Map<String, String> actual = new TreeMap<>();
        for (JsonNode w : api.get("/api/v1/warnings", viewer()).json()) {
            String code = w.get("projectCode").asString();
            if (!code.startsWith(prefix + "-")) {
                continue;
            }
            Map<String, Colour> reasons = new TreeMap<>();
            for (JsonNode r : w.get("reasons")) {
                reasons.merge(r.get("code").asString(), Colour.valueOf(r.get("level").asString()),
                        (a, b) -> a.compareTo(b) >= 0 ? a : b);
            }
            actual.put(code, CountyOracle.colourLine(w.get("colour").asString(), reasons));
        }
        Map<String, String> expected = oracle.colours();
        Set<String> codes = new TreeSet<>(expected.keySet());
        codes.addAll(actual.keySet());
        for (String code : codes) {
            String e = expected.getOrDefault(code, "(not coloured)");
            String a = actual.getOrDefault(code, "(not coloured)");
            compared.merge("project colours", 1, Integer::sum);
            if (!e.equals(a)) {
                // The colour itself, and then the reasons it carries (each code with its highest level).
                boolean sameColour = e.split(" ")[0].equals(a.split(" ")[0]);
                fail(day, sameColour ? "reasons" : "colour", code + ": expected " + e + ", service " + a
                        + detail(oracle, code));
            }
        }
    }

    private static String detail(CountyOracle oracle, String code) {
        CountyOracle.Project f = oracle.projects().get(code);
        if (f == null) {
            return "";
        }
        return " [" + f.type + " " + f.phase + " registered " + f.registeredOn + " planned start " + f.plannedStart
                + " start " + f.startDate + " milestones " + f.milestones + " reports " + new TreeMap<>(f.reports)
                + " entered " + new TreeMap<>(f.entered) + "]";
    }

    /** (b) Every notice of a unit: colour, status, deadline, escalation links, who was copied, and the trail. */
    private void checkNotices(ApiClient api, CountyOracle oracle, String unit, LocalDate day) {
        ApiClient.Response response = api.get("/api/v1/notices?unit=" + unit, viewer());
        check(response.status() == 200, day, "notices", "notices of " + unit + " answered " + response.status());
        List<JsonNode> notices = new ArrayList<>();
        response.json().forEach(notices::add);
        // The same key as the oracle's: project|colour|issuedOn|ordinal among those (in issue order).
        notices.sort(Comparator.comparing((JsonNode n) -> n.get("projectCode").asString())
                .thenComparing(n -> n.get("colour").asString()).thenComparing(n -> n.get("issuedOn").asString())
                .thenComparing(n -> Integer.parseInt(n.get("noticeId").asString()
                        .substring(n.get("noticeId").asString().lastIndexOf('_') + 1))));
        Map<String, String> keys = new HashMap<>();
        Map<String, Integer> ordinals = new HashMap<>();
        for (JsonNode n : notices) {
            String base = n.get("projectCode").asString() + "|" + n.get("colour").asString() + "|"
                    + n.get("issuedOn").asString();
            int ordinal = ordinals.merge(base, 1, Integer::sum) - 1;
            keys.put(n.get("noticeId").asString(), base + "|" + ordinal);
        }
        List<String> actual = new ArrayList<>();
        for (JsonNode n : notices) {
            List<String> trail = new ArrayList<>();
            n.get("trail").forEach(s -> trail.add(s.get("action").asString() + "@" + s.get("on").asString()));
            actual.add(Notice.describe(keys.get(n.get("noticeId").asString()), n.get("status").asString(),
                    n.get("deadline").isNull() ? null : LocalDate.parse(n.get("deadline").asString()),
                    link(keys, n.get("escalatedFrom")), link(keys, n.get("escalatedTo")),
                    n.get("copiedTo").isNull() ? null : n.get("copiedTo").asString(), trail));
        }
        actual.sort(null);
        List<String> expected = oracle.notices(unit);
        compared.merge("notices", expected.size(), Integer::sum);
        if (!expected.equals(actual)) {
            List<String> missing = new ArrayList<>(expected);
            missing.removeAll(actual);
            List<String> extra = new ArrayList<>(actual);
            extra.removeAll(expected);
            fail(day, "notices", "notices of " + unit + " differ: expected but not shown " + missing
                    + "; shown but not expected " + extra);
        }
    }

    private static String link(Map<String, String> keys, JsonNode id) {
        return id == null || id.isNull() ? null : keys.getOrDefault(id.asString(), "?" + id.asString());
    }

    /** (d) A sequence's ranking for p(D): the county's units in the oracle's order, scores to 0.01, 红榜 and 黑榜. */
    private void checkRanking(ApiClient api, CountyOracle oracle, UnitKind kind, LocalDate day) {
        ApiClient.Response response = api.get("/api/v1/rankings/" + kind, viewer());
        if (response.status() != 200) {
            fail(day, "ranking", "ranking " + kind + " answered " + response.status() + " " + response.body());
            return;
        }
        JsonNode ranking = response.json();
        YearMonth period = YearMonth.from(day).minusMonths(1);
        check(period.toString().equals(ranking.get("period").asString()), day, "ranking",
                "ranking " + kind + " is for " + ranking.get("period") + ", not " + period);
        CountyOracle.Ranking expected = oracle.ranking(kind, day);
        Map<String, CountyOracle.Standing> standings = new HashMap<>();
        expected.ranked().forEach(s -> standings.put(s.unit(), s));
        expected.unranked().forEach(s -> standings.put(s.unit(), s));

        List<String> order = new ArrayList<>();
        boolean foreign = false;
        for (JsonNode u : ranking.get("units")) {
            String code = u.get("unitCode").asString();
            boolean ranked = !u.get("rank").isNull();
            if (!code.startsWith(prefix + "-")) {
                foreign |= ranked || !u.get("flag").isNull();
                continue;
            }
            CountyOracle.Standing s = standings.get(code);
            if (s == null) {
                fail(day, "ranking", "ranking " + kind + " lists " + code + ", not of this sequence");
                continue;
            }
            if (ranked != s.ranked()) {
                fail(day, "ranking", "ranking " + kind + " " + code + ": ranked " + ranked + ", expected "
                        + s.ranked() + s.detail());
                continue;
            }
            compared.merge("ranking entries", 1, Integer::sum);
            if (ranked) {
                order.add(code);
                BigDecimal shown = u.get("score").decimalValue().setScale(2, RoundingMode.HALF_UP);
                BigDecimal want = s.score().round(2);
                check(shown.compareTo(want) == 0, day, "ranking score", "ranking " + kind + " " + code + ": score "
                        + shown + ", expected " + want + " (" + s.score() + ")" + s.detail() + " | service components "
                        + u.get("components") + " penalties " + u.get("penalties"));
            }
        }
        List<String> expectedOrder = expected.ranked().stream().map(CountyOracle.Standing::unit).toList();
        check(order.equals(expectedOrder), day, "ranking order", "ranking " + kind + " order " + order + ", expected "
                + expectedOrder);
        if (foreign) {
            // Another test's units are ranked in the same sequence (same database): the lists depend on them too,
            // so only the county's order and scores are compared.
            foreignSequences.add(day + " " + kind);
            return;
        }
        List<String> honour = new ArrayList<>();
        ranking.get("honourList").forEach(c -> honour.add(c.asString()));
        List<String> black = new ArrayList<>();
        ranking.get("blackList").forEach(c -> black.add(c.asString()));
        check(honour.equals(expected.honour()), day, "honour list", "红榜 " + kind + " " + honour + ", expected "
                + expected.honour());
        check(black.equals(expected.black()), day, "black list", "黑榜 " + kind + " " + black + ", expected "
                + expected.black());
        compared.merge("honour and black lists", 1, Integer::sum);
        log.info("{} {} for {}: {} unranked {} 红榜 {} 黑榜 {}", day, kind, period, expected.ranked().stream()
                .map(s -> s.unit().substring(prefix.length() + 1) + "=" + s.score().round(2)).toList(),
                expected.unranked().stream().map(s -> s.unit().substring(prefix.length() + 1)).toList(),
                expected.honour().stream().map(u -> u.substring(prefix.length() + 1)).toList(),
                expected.black().stream().map(u -> u.substring(prefix.length() + 1)).toList());
    }

    // ------------------------------------------------------------------------------------------------ timing

    private void time(String what, long since) {
        nanos.merge(what, System.nanoTime() - since, Long::sum);
    }

    private static String summary(Map<String, Long> nanos) {
        StringBuilder b = new StringBuilder();
        nanos.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append(' ')
                .append(v / 1_000_000_000L).append(" s"));
        return b.toString();
    }
}
