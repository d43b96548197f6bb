package gov.keyproject.assessment.bulletins;

import gov.keyproject.assessment.AssessmentIntegrationTest;
import gov.keyproject.assessment.Inputs;
import gov.keyproject.contracts.EventCodec;
import gov.keyproject.contracts.Topics;
import gov.keyproject.contracts.UnitKind;
import gov.keyproject.contracts.project.ProgressReported;
import gov.keyproject.contracts.project.ProjectRegistered;
import gov.keyproject.contracts.registry.UnitRegistered;
import gov.keyproject.contracts.statistics.ClosedPeriodAmended;
import gov.keyproject.contracts.statistics.FigureValues;
import gov.keyproject.contracts.statistics.PeriodClosed;
import gov.keyproject.devstack.ApiClient;
import gov.keyproject.devstack.TopicReader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A period close freezes the bulletin once, whatever the redeliveries; its exports can be downloaded; and a rebuild
 * from the event history alone renders byte-identical exports.
 */
class BulletinFlowTest extends AssessmentIntegrationTest {

    private static final String REGISTRY = "/keyproject/project-registry";
    private static final String STATISTICS = "/keyproject/investment-statistics";

    @Test
    void aClosedPeriodFreezesOneBulletinThatRebuildsByteForByteFromTheHistory() {
        clock.setDay(LocalDate.of(2026, 7, 8));
        YearMonth june = YearMonth.of(2026, 6);
        String unit = unique("ZN");
        Inputs.Project p = new Inputs.Project(unique("P"), unit, 2026, "2400", LocalDate.of(2026, 2, 1),
                LocalDate.of(2026, 1, 10));
        p.phase = gov.keyproject.contracts.project.ProjectPhase.UNDER_CONSTRUCTION;
        p.startDate = LocalDate.of(2026, 2, 1);
        publish(REGISTRY, new UnitRegistered(unit, "开发区" + unit, UnitKind.DEVELOPMENT_ZONE), 1);
        publish(REGISTRY, new ProjectRegistered(p.snapshot()), p.next());
        publish(REGISTRY, new ProgressReported(p.code, unit, june, 1, new BigDecimal("1000.50"), BigDecimal.ZERO,
                new BigDecimal("1000.50"), true, "主体施工", 40, 0, "system", false, LocalDate.of(2026, 7, 3)),
                p.next());
        ApiClient api = api();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode r = api.get("/api/v1/rankings/DEVELOPMENT_ZONE?period=2026-06", viewer()).json();
            assertThat(r.path("units").findValuesAsString("unitCode")).as(r.toString()).contains(unit);
            assertThat(r.toString()).contains("\"ytdCompleted\":1000.5");
        });

        FigureValues total = new FigureValues(1, new BigDecimal("2400"), new BigDecimal("1000.50"),
                new BigDecimal("1000.50"), new BigDecimal("0.416875"), new BigDecimal("0.5"),
                new BigDecimal("-0.083125"), BigDecimal.ZERO, 1, 1, 0, 0, 0, 0);
        Instant closedAt = Instant.parse("2026-07-08T02:00:00Z");
        publish(STATISTICS, new ClosedPeriodAmended(YearMonth.of(2026, 5), p.code, unit, "更正 2026-05 进度",
                new BigDecimal("10"), new BigDecimal("12"), Instant.parse("2026-07-07T02:00:00Z")), 1);
        try (TopicReader rankings = new TopicReader(servers.kafkaBootstrap(),
                List.of(Topics.ASSESSMENT_RANKING_EVENTS))) {
            PeriodClosed closed = new PeriodClosed(june, closedAt, "operator-li", total);
            publish(STATISTICS, closed, 2);
            publish(STATISTICS, closed, 2); // a redelivery freezes nothing twice
            JsonNode bulletin = await().atMost(Duration.ofSeconds(30)).until(
                    () -> api.get("/api/v1/bulletins/2026-06", viewer()), r -> r.status() == 200).json();
            assertThat(bulletin.get("closedBy").asString()).isEqualTo("operator-li");
            assertThat(bulletin.get("amendments").findValuesAsString("what")).contains("更正 2026-05 进度");
            assertThat(bulletin.get("rankingVersions").has("DEVELOPMENT_ZONE")).isTrue();

            byte[] xlsx = download(api, "/api/v1/bulletins/2026-06/export.xlsx");
            byte[] html = download(api, "/api/v1/bulletins/2026-06/export.html");
            assertThat(Bulletins.sha256(xlsx)).isEqualTo(bulletin.get("xlsxSha256").asString());
            assertThat(Bulletins.sha256(html)).isEqualTo(bulletin.get("htmlSha256").asString());
            assertThat(new String(html, java.nio.charset.StandardCharsets.UTF_8)).contains("开发区" + unit);

            // Later changes to the live ranking do not touch the frozen bulletin.
            publish(REGISTRY, new ProgressReported(p.code, unit, june, 2, new BigDecimal("1500"),
                    new BigDecimal("1000.50"), new BigDecimal("499.50"), true, "主体施工", 45, 0, "operator", true,
                    LocalDate.of(2026, 7, 8)), p.next());
            await().atMost(Duration.ofSeconds(30)).until(() -> api.get(
                    "/api/v1/rankings/DEVELOPMENT_ZONE?period=2026-06", viewer()).json().toString().contains("1500"));
            assertThat(download(api, "/api/v1/bulletins/2026-06/export.xlsx")).isEqualTo(xlsx);

            JsonNode rebuilt = api.post("/api/v1/bulletins/2026-06/rebuild", operator(), null).json();
            assertThat(rebuilt.get("identical").asBoolean()).as(rebuilt.toString()).isTrue();
            assertThat(rebuilt.get("rebuiltXlsxSha256").asString()).isEqualTo(Bulletins.sha256(xlsx));
            assertThat(rebuilt.get("rebuiltHtmlSha256").asString()).isEqualTo(Bulletins.sha256(html));

            await().atMost(Duration.ofSeconds(30)).until(() -> bulletins(rankings, june) >= 1);
            assertThat(bulletins(rankings, june)).isEqualTo(1);
        }
    }

    private static long bulletins(TopicReader reader, YearMonth period) {
        return reader.poll().stream().filter(r -> period.toString().equals(r.key()))
                .filter(r -> EventCodec.decode(r.value()).type().equals("gov.keyproject.assessment.BulletinPublished.v1"))
                .count();
    }

    private static byte[] download(ApiClient api, String path) {
        ApiClient.Download d = api.download(path, viewer());
        assertThat(d.status()).as(path).isEqualTo(200);
        return d.body();
    }
}
