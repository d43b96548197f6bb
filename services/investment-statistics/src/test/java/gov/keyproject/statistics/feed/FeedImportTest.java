package gov.keyproject.statistics.feed;

import gov.keyproject.contracts.DomainEvent;
import gov.keyproject.contracts.EventCodec;
import gov.keyproject.contracts.Topics;
import gov.keyproject.contracts.project.ConstructionType;
import gov.keyproject.contracts.project.ProjectCategory;
import gov.keyproject.contracts.project.ProjectLevel;
import gov.keyproject.contracts.project.ProjectPhase;
import gov.keyproject.contracts.project.ProjectRegistered;
import gov.keyproject.contracts.project.ProjectSnapshot;
import gov.keyproject.contracts.statistics.InvestmentEntered;
import gov.keyproject.devstack.ApiClient;
import gov.keyproject.devstack.TopicReader;
import gov.keyproject.platform.security.Role;
import gov.keyproject.statistics.StatisticsIntegrationTest;
import gov.keyproject.statistics.figures.EnteredInvestment;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The statistics feed (投资入库) end to end: files (CSV in UTF-8 and GBK, .xlsx) as polled jobs with per-row errors,
 * idempotent re-upload and revisions; whole-file refusals; roles; and the feed topic with redelivery and the DLQ.
 */
class FeedImportTest extends StatisticsIntegrationTest {

    private static final String DLQ = Topics.deadLetter(Topics.STATISTICS_FEED, "investment-statistics");

    @Autowired
    MongoTemplate mongo;
    @Autowired
    Clock clock;
    @Autowired
    FeedStore store;

    private final String feedToken = servers.token("tjj-feed", null, Role.STATISTICS_FEED);
    private final String operatorToken = servers.token("fgw-operator", null, Role.OPERATOR);
    private final String viewerToken = servers.token("leader", null, Role.VIEWER);

    @Test
    void aFileWithBadRowsKeepsTheGoodOnesAndTheSameFileTwiceChangesNothing() {
        List<String> codes = seedProjects("FA", 20);
        YearMonth latest = YearMonth.from(LocalDate.now(clock)).minusMonths(1);
        StringBuilder csv = new StringBuilder("项目代码,统计期,入库金额(万元)\n");
        List<String> badReasons = List.of("unknown", "malformed", "future", "decimals", "negative");
        int good = 0;
        int bad = 0;
        String firstKey = null;
        for (int i = 0; i < 200; i++) {
            if (i % 10 == 9) {
                String kind = badReasons.get(bad++ % badReasons.size());
                switch (kind) {
                    case "unknown" -> csv.append("NO-SUCH-PROJECT-").append(i).append(',').append(latest)
                            .append(",10.00\n");
                    case "malformed" -> csv.append(codes.get(0)).append(',').append(latest).append(",12.3.4\n");
                    case "future" -> csv.append(codes.get(0)).append(',').append(latest.plusMonths(1))
                            .append(",10.00\n");
                    case "decimals" -> csv.append(codes.get(0)).append(',').append(latest).append(",12.345\n");
                    default -> csv.append(codes.get(0)).append(',').append(latest).append(",-5.00\n");
                }
                continue;
            }
            String code = codes.get(good % 20);
            YearMonth period = latest.minusMonths(good / 20);
            // Amounts in various accepted forms: plain, 2 decimals, grouped and quoted, the bureau's 年月 period.
            String amount = good % 7 == 0 ? "\"1,2" + String.format("%02d", good % 100) + ".50\"" : (100 + good) + ".25";
            String periodText = good % 5 == 0 ? period.getYear() + "年" + period.getMonthValue() + "月" : period.toString();
            csv.append(code).append(',').append(periodText).append(',').append(amount).append('\n');
            if (firstKey == null) {
                firstKey = code + "|" + period;
            }
            good++;
        }
        assertThat(good).isEqualTo(180);
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);

        ApiClient.Response started = upload(feedToken, "feed.csv", file);
        assertThat(started.status()).isEqualTo(202);
        assertThat(started.headers().firstValue("Location").orElseThrow()).startsWith("/api/v1/feed/jobs/");
        JsonNode job = awaitDone(started);
        assertThat(job.get("applied").asInt()).isEqualTo(180);
        assertThat(job.get("failed").asInt()).isEqualTo(20);
        assertThat(job.get("rows").asInt()).isEqualTo(200);
        assertThat(job.get("done").asInt()).isEqualTo(200);
        assertThat(job.get("percent").asInt()).isEqualTo(100);
        assertThat(job.get("encoding").asString()).isEqualTo("UTF-8");
        JsonNode errors = job.get("errors");
        assertThat(errors.size()).isEqualTo(20);
        // Data row i is on line i + 2 (line 1 is the header): the first bad row is i = 9, line 11, an unknown code.
        assertThat(errors.get(0).get("row").asInt()).isEqualTo(11);
        assertThat(errors.get(0).get("field").asString()).isEqualTo("projectCode");
        assertThat(errors.get(0).get("column").asString()).isEqualTo("项目代码");
        assertThat(errors.get(0).get("reason").asString()).contains("NO-SUCH-PROJECT-9").contains("不在项目库");
        assertThat(errors.get(1).get("row").asInt()).isEqualTo(21);
        assertThat(errors.get(1).get("field").asString()).isEqualTo("amountEntered");
        assertThat(errors.get(2).get("field").asString()).isEqualTo("period");
        assertThat(errors.get(2).get("reason").asString()).contains("未来");
        assertThat(errors.get(3).get("reason").asString()).contains("2 位小数");
        assertThat(errors.get(4).get("reason").asString()).contains("负数");
        List<Integer> rows = new ArrayList<>();
        errors.forEach(e -> rows.add(e.get("row").asInt()));
        assertThat(rows).allMatch(r -> r % 10 == 1);

        // The first row: code 0, period p(D), "1,200.50" (good = 0 → grouped form, 年月 period).
        Document first = mongo.findById(firstKey, Document.class, "feed");
        assertThat(first.getString("amountEntered")).isEqualTo("1200.50");
        EnteredInvestment entered = store.entered();
        assertThat(entered.month(codes.get(0), latest)).isEqualByComparingTo("1200.50");

        JsonNode again = awaitDone(upload(operatorToken, "feed.csv", file));
        assertThat(again.get("applied").asInt()).isZero();
        assertThat(again.get("unchanged").asInt()).isEqualTo(180);
        assertThat(again.get("revised").asInt()).isZero();
        assertThat(again.get("failed").asInt()).isEqualTo(20);
        assertThat(mongo.findById(firstKey, Document.class, "feed").getList("revisions", Document.class)).hasSize(1);

        // A later row for the same key with another amount replaces it and is kept as a revision.
        String revisedFile = "projectCode,period,amountEntered\n" + codes.get(0) + "," + latest + ",1300\n";
        JsonNode revised = awaitDone(upload(feedToken, "revision.csv", revisedFile.getBytes(StandardCharsets.UTF_8)));
        assertThat(revised.get("revised").asInt()).isEqualTo(1);
        JsonNode entries = api().get("/api/v1/feed/entries?project=" + codes.get(0), viewerToken).json();
        assertThat(entries.size()).isEqualTo(9);
        JsonNode last = entries.get(entries.size() - 1);
        assertThat(last.get("period").asString()).isEqualTo(latest.toString());
        assertThat(last.get("amountEntered").decimalValue()).isEqualByComparingTo("1300");
        assertThat(last.get("revisions").size()).isEqualTo(2);
        assertThat(last.get("revisions").get(0).get("amount").decimalValue()).isEqualByComparingTo("1200.50");
        assertThat(store.entered().month(codes.get(0), latest)).isEqualByComparingTo("1300");

        // Every change of a key went out once as InvestmentEntryRecorded (sequence = revision), in the same write.
        try (TopicReader recorded = new TopicReader(servers.kafkaBootstrap(),
                List.of(Topics.STATISTICS_ENTRY_EVENTS))) {
            String key = firstKey;
            await().atMost(Duration.ofSeconds(30)).until(() -> recorded.poll().stream()
                    .filter(r -> codes.contains(r.key().substring(0, r.key().indexOf('|')))).count() >= 181);
            List<gov.keyproject.contracts.EventEnvelope> mine = recorded.poll().stream()
                    .filter(r -> codes.contains(r.key().substring(0, r.key().indexOf('|'))))
                    .map(r -> gov.keyproject.contracts.EventCodec.decode(r.value())).toList();
            assertThat(mine).hasSize(181);
            List<gov.keyproject.contracts.EventEnvelope> ofKey = mine.stream().filter(e -> e.subject().equals(key))
                    .toList();
            assertThat(ofKey).extracting(gov.keyproject.contracts.EventEnvelope::sequence).containsExactly(1L, 2L);
            gov.keyproject.contracts.statistics.InvestmentEntryRecorded latestAmount =
                    gov.keyproject.contracts.EventCodec.data(ofKey.get(1));
            assertThat(latestAmount.amountEntered()).isEqualByComparingTo("1300");
            assertThat(latestAmount.revision()).isEqualTo(2);
        }
    }

    @Test
    void xlsxAndGbkFilesAreRead() throws IOException {
        List<String> codes = seedProjects("FX", 2);
        YearMonth latest = YearMonth.from(LocalDate.now(clock)).minusMonths(1);

        byte[] xlsx;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("入库数据");
            sheet.createRow(0).createCell(0).setCellValue("2026年重点项目投资入库情况表"); // a title above the header
            Row header = sheet.createRow(1);
            header.createCell(0).setCellValue("项目代码");
            header.createCell(1).setCellValue("统计期");
            header.createCell(2).setCellValue("入库金额（万元）");
            CellStyle dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm"));
            Row r1 = sheet.createRow(2);
            r1.createCell(0).setCellValue(codes.get(0));
            r1.createCell(1).setCellValue(latest.atDay(1)); // Excel made "2026-09" a date
            r1.getCell(1).setCellStyle(dateStyle);
            r1.createCell(2).setCellValue(350.5);
            Row r2 = sheet.createRow(3);
            r2.createCell(0).setCellValue(codes.get(1));
            r2.createCell(1).setCellValue(latest.minusMonths(1).toString());
            r2.createCell(2).setCellValue(12.345); // a hidden third decimal is still refused
            Row r3 = sheet.createRow(4);
            r3.createCell(0).setCellValue(codes.get(1));
            r3.createCell(1).setCellValue(latest.minusMonths(2).toString());
            r3.createCell(2).setCellValue("88.00");
            wb.write(out);
            xlsx = out.toByteArray();
        }
        JsonNode job = awaitDone(upload(feedToken, "入库.xlsx", xlsx));
        assertThat(job.get("format").asString()).isEqualTo("XLSX");
        assertThat(job.get("applied").asInt()).isEqualTo(2);
        assertThat(job.get("failed").asInt()).isEqualTo(1);
        assertThat(job.get("errors").get(0).get("row").asInt()).isEqualTo(4);
        assertThat(job.get("errors").get(0).get("field").asString()).isEqualTo("amountEntered");
        assertThat(store.entered().month(codes.get(0), latest)).isEqualByComparingTo("350.5");

        String gbkText = "项目代码,统计期,入库金额（万元）\r\n" + codes.get(0) + "," + latest.minusMonths(3).getYear() + "年"
                + latest.minusMonths(3).getMonthValue() + "月,66.60\r\n" + codes.get(1) + ","
                + latest.minusMonths(3) + ",77\r\n";
        byte[] gbk = gbkText.getBytes(Charset.forName("GBK"));
        JsonNode gbkJob = awaitDone(upload(feedToken, "gbk.csv", gbk));
        assertThat(gbkJob.get("encoding").asString()).isEqualTo("GB18030");
        assertThat(gbkJob.get("applied").asInt()).isEqualTo(2);
        assertThat(store.entered().month(codes.get(0), latest.minusMonths(3))).isEqualByComparingTo("66.60");

        byte[] bom = ("\uFEFF项目代码,统计期,入库金额(万元)\n" + codes.get(1) + "," + latest.minusMonths(4) + ",5\n")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(awaitDone(upload(feedToken, "bom.csv", bom)).get("applied").asInt()).isEqualTo(1);
    }

    @Test
    void wholeFileProblemsAndWrongRolesAreRefusedAndNothingIsApplied() {
        byte[] random = new byte[4096];
        new Random(42).nextBytes(random);
        ApiClient.Response bad = upload(feedToken, "feed.csv", random);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).contains("application/problem+json");
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("file");

        ApiClient.Response noHeader = upload(feedToken, "feed.csv",
                "代码,月份,金额\nP-1,2026-01,1\n".getBytes(StandardCharsets.UTF_8));
        assertThat(noHeader.status()).isEqualTo(400);
        assertThat(noHeader.json().get("errors").get(0).get("reason").asString()).contains("表头");

        ApiClient.Response xls = upload(feedToken, "old.xls",
                new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1});
        assertThat(xls.status()).isEqualTo(400);
        assertThat(xls.json().get("errors").get(0).get("reason").asString()).contains(".xls");

        byte[] ok = "项目代码,统计期,入库金额(万元)\nX,2026-01,1\n".getBytes(StandardCharsets.UTF_8);
        assertThat(upload(viewerToken, "feed.csv", ok).status()).isEqualTo(403);
        assertThat(upload(servers.token("unit", "U-1", Role.UNIT_SYSTEM), "feed.csv", ok).status()).isEqualTo(403);
        assertThat(upload(null, "feed.csv", ok).status()).isEqualTo(401);
        assertThat(api().get("/api/v1/feed/jobs/" + UUID.randomUUID(), viewerToken).status()).isEqualTo(404);
    }

    @Test
    void theTopicAppliesEachRecordOnceAndDeadLettersAnUnknownCode() {
        List<String> codes = seedProjects("FT", 1);
        String code = codes.get(0);
        YearMonth latest = YearMonth.from(LocalDate.now(clock)).minusMonths(1);
        byte[] entered = feedEnvelope(new InvestmentEntered(code, latest.minusMonths(1), new BigDecimal("420.00")), 1);
        byte[] changed = feedEnvelope(new InvestmentEntered(code, latest.minusMonths(1), new BigDecimal("430.00")), 2);
        byte[] marker = feedEnvelope(new InvestmentEntered(code, latest, new BigDecimal("10.00")), 3);
        // Delivered twice, and again after a later amount: only two revisions, the later amount stands.
        send(Topics.STATISTICS_FEED, code, entered, entered, changed, entered, marker);
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById(FeedStore.id(code, latest), Document.class,
                "feed") != null);
        JsonNode entries = api().get("/api/v1/feed/entries?project=" + code, viewerToken).json();
        assertThat(entries.size()).isEqualTo(2);
        assertThat(entries.get(0).get("amountEntered").decimalValue()).isEqualByComparingTo("430.00");
        assertThat(entries.get(0).get("revisions").size()).isEqualTo(2);

        String unknown = uniqueCode("NOPE");
        try (TopicReader dlq = new TopicReader(servers.kafkaBootstrap(), List.of(DLQ))) {
            send(Topics.STATISTICS_FEED, unknown,
                    feedEnvelope(new InvestmentEntered(unknown, latest, new BigDecimal("1.00")), 1));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> dlq.poll().stream().anyMatch(r -> unknown.equals(r.key())));
            ConsumerRecord<String, byte[]> dead = dlq.poll().stream().filter(r -> unknown.equals(r.key()))
                    .findFirst().orElseThrow();
            String reason = null;
            for (Header h : dead.headers()) {
                if (h.key().contains("exception-message")) {
                    reason = new String(h.value(), StandardCharsets.UTF_8);
                }
            }
            assertThat(reason).contains("不在项目库");
        }
        assertThat(mongo.findById(FeedStore.id(unknown, latest), Document.class, "feed")).isNull();
    }

    @Test
    void aLongImportReportsItsProgressWhileItRuns() {
        List<String> codes = seedProjects("FL", 500);
        YearMonth latest = YearMonth.from(LocalDate.now(clock)).minusMonths(1);
        StringBuilder csv = new StringBuilder("项目代码,统计期,入库金额(万元)\n");
        int rows = 100_000;
        for (int i = 0; i < rows; i++) {
            csv.append(codes.get(i % 500)).append(',').append(latest.minusMonths(i / 500)).append(',')
                    .append(i % 1000).append(".5\n");
        }
        long start = System.nanoTime();
        ApiClient.Response started = upload(feedToken, "big.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(started.status()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();
        List<Integer> seen = new ArrayList<>();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50)).until(() -> {
            JsonNode job = api().get(location, viewerToken).json();
            if ("RUNNING".equals(job.get("status").asString())) {
                seen.add(job.get("percent").asInt());
            }
            return "DONE".equals(job.get("status").asString());
        });
        System.out.printf("feed import of %d rows: %d ms%n", rows, (System.nanoTime() - start) / 1_000_000);
        JsonNode job = api().get(location, viewerToken).json();
        assertThat(job.get("applied").asInt()).isEqualTo(rows);
        assertThat(seen).isSorted().anyMatch(p -> p > 0 && p < 100);
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private List<String> seedProjects(String prefix, int n) {
        String unit = uniqueCode("U" + prefix);
        List<String> codes = new ArrayList<>();
        List<Map.Entry<String, byte[]>> records = new ArrayList<>();
        String base = uniqueCode(prefix);
        for (int i = 0; i < n; i++) {
            String code = base + "-" + i;
            codes.add(code);
            records.add(Map.entry(code, registryEnvelope(new ProjectRegistered(snapshot(code, unit)))));
        }
        TopicReader.send(servers.kafkaBootstrap(), Topics.REGISTRY_PROJECT_EVENTS, records);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> codes.stream().allMatch(c -> mongo.findById(c, Document.class, "projects") != null));
        return codes;
    }

    private ApiClient.Response upload(String token, String fileName, byte[] content) {
        String boundary = "----feed" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return api().send("POST", "/api/v1/feed/files", token, body.toByteArray(),
                "multipart/form-data; boundary=" + boundary);
    }

    private JsonNode awaitDone(ApiClient.Response started) {
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            last[0] = api().get(location, viewerToken).json();
            return !"RUNNING".equals(last[0].get("status").asString());
        });
        assertThat(last[0].get("status").asString()).as(last[0].toString()).isEqualTo("DONE");
        return last[0];
    }

    private static ProjectSnapshot snapshot(String code, String unit) {
        return new ProjectSnapshot(code, "城南片区道路提升工程", ProjectCategory.INFRASTRUCTURE, ProjectLevel.COUNTY,
                ConstructionType.NEW, new BigDecimal("5000.00"), Map.of(2026, new BigDecimal("2000.00")),
                LocalDate.of(2026, 3, 1), LocalDate.of(2027, 12, 31), "城关镇", unit, "李副县长", "县城投公司", null,
                ProjectPhase.READY, LocalDate.of(2026, 1, 5), null, null, List.of(), List.of());
    }

    private static byte[] registryEnvelope(DomainEvent event) {
        return EventCodec.encode(EventCodec.wrap(event, "/keyproject/project-registry", 1, Instant.now(), null, null));
    }

    private static byte[] feedEnvelope(DomainEvent event, long sequence) {
        return EventCodec.encode(EventCodec.wrap(event, "/keyproject/statistics-bureau", sequence, Instant.now(),
                null, null));
    }

    private static void send(String topic, String key, byte[]... values) {
        List<Map.Entry<String, byte[]>> records = new ArrayList<>();
        for (byte[] v : values) {
            records.add(Map.entry(key, v));
        }
        TopicReader.send(servers.kafkaBootstrap(), topic, records);
    }
}
