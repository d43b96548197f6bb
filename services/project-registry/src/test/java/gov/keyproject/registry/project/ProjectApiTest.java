package gov.keyproject.registry.project;

import gov.keyproject.contracts.EventCodec;
import gov.keyproject.contracts.EventEnvelope;
import gov.keyproject.contracts.Topics;
import gov.keyproject.contracts.project.ProgressReported;
import gov.keyproject.contracts.project.ProjectPhase;
import gov.keyproject.contracts.project.ProjectPhaseChanged;
import gov.keyproject.contracts.project.ProjectRegistered;
import gov.keyproject.devstack.ApiClient;
import gov.keyproject.devstack.TopicReader;
import gov.keyproject.platform.outbox.AggregateStore;
import gov.keyproject.platform.outbox.OutboxRelay;
import gov.keyproject.registry.RegistryFixtures;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import gov.keyproject.registry.RegistryIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static gov.keyproject.registry.RegistryFixtures.createUnit;
import static gov.keyproject.registry.RegistryFixtures.events;
import static gov.keyproject.registry.RegistryFixtures.eventsNow;
import static gov.keyproject.registry.RegistryFixtures.project;
import static gov.keyproject.registry.RegistryFixtures.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Each change to a project publishes exactly one event with the right content, through the outbox and the broker. */
class ProjectApiTest extends RegistryIntegrationTest {

    @Autowired
    OutboxRelay relay;
    @Autowired
    AggregateStore store;
    @Autowired
    MongoTemplate mongo;

    private TopicReader topic;
    private String unit;

    @BeforeEach
    void setUp() {
        topic = new TopicReader(servers.kafkaBootstrap(), List.of(Topics.REGISTRY_PROJECT_EVENTS));
        unit = uniqueCode("ZN");
        createUnit(api(), operator(), unit, "DEVELOPMENT_ZONE");
    }

    @AfterEach
    void tearDown() {
        topic.close();
    }

    @Test
    void registrationPublishesTheWholeSnapshot() {
        String code = uniqueCode("P");
        ApiClient.Response r = api().post("/api/v1/projects", operator(), project(code, unit));
        assertThat(r.status()).as(r.body()).isEqualTo(201);

        EventEnvelope e = single(code);
        ProjectRegistered registered = EventCodec.data(e);
        assertThat(registered.project().phase()).isEqualTo(ProjectPhase.READY);
        assertThat(registered.project().unitCode()).isEqualTo(unit);
        assertThat(registered.project().plannedInvestment()).containsEntry(2026, new BigDecimal("18000.00"));
        assertThat(registered.project().registeredOn()).isEqualTo(today());
        assertThat(api().get("/api/v1/projects/" + code, viewer()).json().get("phaseLabel").asString())
                .isEqualTo("拟开工");
    }

    @Test
    void startingRecordsTheStartDateAndAnIllegalMoveNamesTheAllowedPhases() {
        String code = register();
        String today = today().toString();
        ApiClient.Response started = api().post("/api/v1/projects/" + code + "/phase", unitSystem(unit),
                Map.of("phase", "UNDER_CONSTRUCTION", "on", today));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        assertThat(started.json().get("startDate").asString()).isEqualTo(today);

        ApiClient.Response illegal = api().post("/api/v1/projects/" + code + "/phase", operator(),
                Map.of("phase", "IN_PRODUCTION"));
        assertThat(illegal.status()).isEqualTo(409);
        assertThat(illegal.contentType()).startsWith("application/problem+json");
        assertThat(illegal.json().get("currentPhase").asString()).isEqualTo("UNDER_CONSTRUCTION");
        assertThat(illegal.json().get("allowedPhases").toString()).contains("COMPLETED", "SUSPENDED", "REVOKED");

        List<EventEnvelope> all = events(topic, code, 2);
        ProjectPhaseChanged moved = EventCodec.data(all.get(1));
        assertThat(moved.from()).isEqualTo(ProjectPhase.READY);
        assertThat(moved.to()).isEqualTo(ProjectPhase.UNDER_CONSTRUCTION);
        assertThat(moved.project().startDate()).isEqualTo(today());
        assertThat(moved.project().milestones()).anyMatch(m -> m.actualDate() != null);
        settle();
        assertThat(eventsNow(topic, code)).hasSize(2);
    }

    @Test
    void aCorrectionCarriesThePreviousAmountAndTheDifference() {
        String code = register();
        String period = YearMonth.from(today()).toString();
        String path = "/api/v1/projects/" + code + "/reports/" + period;

        ApiClient.Response first = api().put(path, unitSystem(unit), report(1200));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().get("status").asString()).isEqualTo("FILED");
        ApiClient.Response again = api().put(path, unitSystem(unit), report(1200));
        assertThat(again.json().get("status").asString()).isEqualTo("UNCHANGED");
        ApiClient.Response corrected = api().put(path, unitSystem(unit), report(new BigDecimal("1250.50")));
        assertThat(corrected.status()).isEqualTo(200);
        assertThat(corrected.json().get("revision").asInt()).isEqualTo(2);

        List<EventEnvelope> all = events(topic, code, 3);
        ProgressReported filed = EventCodec.data(all.get(1));
        ProgressReported correction = EventCodec.data(all.get(2));
        assertThat(filed.revision()).isEqualTo(1);
        assertThat(filed.delta()).isEqualByComparingTo("1200");
        assertThat(correction.revision()).isEqualTo(2);
        assertThat(correction.previousInvestmentCompleted()).isEqualByComparingTo("1200");
        assertThat(correction.investmentCompleted()).isEqualByComparingTo("1250.50");
        assertThat(correction.delta()).isEqualByComparingTo("50.50");
        settle();
        assertThat(eventsNow(topic, code)).hasSize(3); // the unchanged repeat published nothing
    }

    @Test
    void theBatchEndpointAcceptsAndRejectsEachReportOnItsOwn() {
        String a = register();
        String b = register();
        String period = YearMonth.from(today()).toString();
        ApiClient.Response r = api().post("/api/v1/reports/batch", unitSystem(unit), Map.of("reports", List.of(
                Map.of("projectCode", a, "period", period, "investmentCompleted", 300, "workUnderWay", true),
                Map.of("projectCode", b, "period", period, "investmentCompleted", -5, "workUnderWay", true),
                Map.of("projectCode", "NO-SUCH-1", "period", period, "investmentCompleted", 1, "workUnderWay", true),
                Map.of("projectCode", b, "period", "2026-13", "investmentCompleted", 1, "workUnderWay", true))));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode out = r.json();
        assertThat(out.get(0).get("status").asString()).isEqualTo("FILED");
        assertThat(out.get(1).get("status").asString()).isEqualTo("REJECTED");
        assertThat(out.get(1).get("errors").get(0).get("field").asString()).isEqualTo("investmentCompleted");
        assertThat(out.get(2).get("errors").get(0).get("field").asString()).isEqualTo("projectCode");
        assertThat(out.get(3).get("errors").get(0).get("field").asString()).isEqualTo("period");
        assertThat(events(topic, a, 2)).hasSize(2);
        settle();
        assertThat(eventsNow(topic, b)).hasSize(1);
    }

    @Test
    void problemsAreRaisedAssignedAndResolvedWithTheirEvents() {
        String code = register();
        ApiClient.Response raised = api().post("/api/v1/projects/" + code + "/problems", unitSystem(unit),
                Map.of("type", "LAND", "description", "30 亩征地尚未完成", "helpRequested", "请自然资源局加快组卷"));
        assertThat(raised.status()).as(raised.body()).isEqualTo(201);
        String id = raised.json().get("id").asString();
        String deadline = today().plusDays(10).toString();
        assertThat(api().post("/api/v1/projects/" + code + "/problems/" + id + "/assignment", operator(),
                Map.of("assignedDepartment", "自然资源局", "deadline", deadline)).status()).isEqualTo(200);
        ApiClient.Response resolved = api().post("/api/v1/projects/" + code + "/problems/" + id + "/resolution",
                unitSystem(unit), Map.of("resolution", "组卷已报批"));
        assertThat(resolved.status()).isEqualTo(200);
        assertThat(resolved.json().get("resolvedOn").asString()).isEqualTo(today().toString());
        assertThat(events(topic, code, 4)).extracting(EventEnvelope::type).containsExactly(
                "gov.keyproject.registry.ProjectRegistered.v1", "gov.keyproject.registry.ProblemRaised.v1",
                "gov.keyproject.registry.ProblemAssigned.v1", "gov.keyproject.registry.ProblemResolved.v1");
    }

    @Test
    void everyChangeIsInTheTrailWithWhoAndWhat() {
        String code = register();
        api().put("/api/v1/projects/" + code + "/approvals/ENVIRONMENT", unitSystem(unit), Map.of("status", "DONE"));
        JsonNode trail = api().get("/api/v1/projects/" + code + "/trail", operator()).json();
        assertThat(trail.size()).isEqualTo(2);
        assertThat(trail.get(0).get("actor").asString()).isEqualTo("operator-li");
        assertThat(trail.get(1).get("actor").asString()).isEqualTo("system-" + unit + "@" + unit);
        assertThat(trail.get(1).get("changes").get("approvals.ENVIRONMENT").get("to").asString()).isEqualTo("DONE");
    }

    @Test
    void anEventLeftInItsDocumentGoesOutBeforeTheNextChangeOfTheSameProject() {
        String code = register();
        String unitSystem = unitSystem(unit);
        for (boolean batch : List.of(false, true)) {
            events(topic, code, batch ? 3 : 1);
            settle();
            // As after a failed publish or a crash: an event in the document's outbox that the relay never got.
            Document doc = mongo.findOne(new Query(Criteria.where("_id").is(code)), Document.class,
                    ProjectService.COLLECTION);
            long left = doc.get(AggregateStore.EVENT_SEQ, Number.class).longValue() + 1;
            YearMonth month = YearMonth.of(2026, batch ? 2 : 1);
            ProgressReported leftBehind = new ProgressReported(code, unit, month, 1, new BigDecimal("10.00"), null,
                    new BigDecimal("10.00"), true, "施工中", 10, 0, "test", false, today());
            mongo.updateFirst(new Query(Criteria.where("_id").is(code)), new Update()
                    .push(AggregateStore.OUTBOX, store.outboxEntry(leftBehind, left))
                    .set(AggregateStore.EVENT_SEQ, left).inc(AggregateStore.VERSION, 1L), ProjectService.COLLECTION);

            // The next change of the project, through a single write or the batch endpoint's bulk write.
            String period = YearMonth.from(today()).toString();
            Map<String, Object> body = report(batch ? 1300 : 1200);
            ApiClient.Response r = batch
                    ? api().post("/api/v1/reports/batch", unitSystem, Map.of("reports", List.of(
                            RegistryFixtures.with(RegistryFixtures.with(body, "projectCode", code), "period", period))))
                    : api().put("/api/v1/projects/" + code + "/reports/" + period, unitSystem, body);
            assertThat(r.status()).as(r.body()).isIn(200, 201);

            List<Long> sequences = events(topic, code, batch ? 5 : 3).stream().map(EventEnvelope::sequence)
                    .toList();
            assertThat(sequences).as("published in the order written").isSorted().doesNotHaveDuplicates();
            assertThat(sequences).contains(left, left + 1);
        }
    }

    private String register() {
        String code = uniqueCode("P");
        ApiClient.Response r = api().post("/api/v1/projects", operator(), project(code, unit));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return code;
    }

    private EventEnvelope single(String code) {
        List<EventEnvelope> all = events(topic, code, 1);
        settle();
        assertThat(eventsNow(topic, code)).hasSize(1);
        return all.get(0);
    }

    /** Waits until the relay has published and marked everything, so that counting events is final. */
    private void settle() {
        await().atMost(Duration.ofSeconds(10)).until(() -> relay.pendingCount() == 0);
    }
}
