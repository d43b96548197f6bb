package gov.keyproject.registry.ledger;

import gov.keyproject.contracts.EventEnvelope;
import gov.keyproject.contracts.Topics;
import gov.keyproject.devstack.ApiClient;
import gov.keyproject.devstack.TopicReader;
import gov.keyproject.platform.outbox.OutboxRelay;
import gov.keyproject.registry.RegistryIntegrationTest;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import static gov.keyproject.registry.RegistryFixtures.createUnit;
import static gov.keyproject.registry.RegistryFixtures.events;
import static gov.keyproject.registry.RegistryFixtures.eventsNow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The ledger import end to end: an .xlsx built here is uploaded, good rows become projects with their events on the
 * broker, bad rows are named, and the same file again changes nothing.
 */
class LedgerImportTest extends RegistryIntegrationTest {

    private static final String PATH = "/api/v1/projects/import";
    private static final String REGISTERED = "gov.keyproject.registry.ProjectRegistered.v1";
    private static final String CHANGED = "gov.keyproject.registry.ProjectChanged.v1";

    @Autowired
    OutboxRelay relay;

    @Value("${local.server.port}")
    int port;

    private TopicReader topic;
    private String unit;
    private int year;

    @BeforeEach
    void setUp() {
        topic = new TopicReader(servers.kafkaBootstrap(), List.of(Topics.REGISTRY_PROJECT_EVENTS));
        unit = uniqueCode("ZN");
        createUnit(api(), operator(), unit, "TOWNSHIP");
        year = today().getYear();
    }

    @AfterEach
    void tearDown() {
        topic.close();
    }

    @Test
    void goodRowsAreKeptBadRowsAreNamedAndTheSameFileAgainChangesNothing() {
        String prefix = uniqueCode("LG");
        List<String> codes = IntStream.rangeClosed(1, 10).mapToObj(i -> prefix + "-" + i).toList();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            rows.add(row(codes.get(i), unit));
        }
        // Text cells and enum names are accepted as well as numbers, Excel dates and Chinese labels.
        rows.set(1, new Object[]{codes.get(1), "环城快速路二期", "INFRASTRUCTURE", "PROVINCIAL", "续建", "5200.5",
                "1200", "4000.5", year + "-04-01", (year + 1) + "/6/30", "东城街道", unit, "王副市长", "市城投集团",
                "在建", LocalDate.of(year - 1, 9, 15)});
        rows.get(2)[11] = "NO-SUCH-UNIT";   // Excel row 5
        rows.get(6)[5] = 5200.555;          // Excel row 9: three decimals
        byte[] xlsx = workbook(rows);

        JsonNode first = ok(upload(operator(), xlsx));
        assertThat(counts(first)).containsExactly(10, 8, 0, 0, 2);
        JsonNode errors = first.get("errors");
        assertThat(errors.size()).isEqualTo(2);
        assertThat(errors.get(0).get("row").asInt()).isEqualTo(5);
        assertThat(errors.get(0).get("column").asString()).isEqualTo("责任单位编码");
        assertThat(errors.get(0).get("reason").asString()).contains("NO-SUCH-UNIT", "不存在");
        assertThat(errors.get(1).get("row").asInt()).isEqualTo(9);
        assertThat(errors.get(1).get("column").asString()).isEqualTo("总投资(万元)");
        assertThat(errors.get(1).get("reason").asString()).contains("2 位小数");

        List<String> good = codes.stream().filter(c -> !c.equals(codes.get(2)) && !c.equals(codes.get(6))).toList();
        for (String code : good) {
            assertThat(api().get("/api/v1/projects/" + code, viewer()).status()).isEqualTo(200);
        }
        assertThat(api().get("/api/v1/projects/" + codes.get(2), viewer()).status()).isEqualTo(404);
        assertThat(api().get("/api/v1/projects/" + codes.get(6), viewer()).status()).isEqualTo(404);

        JsonNode excelTyped = api().get("/api/v1/projects/" + codes.get(0), viewer()).json();
        assertThat(excelTyped.get("phase").asString()).isEqualTo("READY");
        assertThat(excelTyped.get("data").get("category").asString()).isEqualTo("INDUSTRIAL");
        assertThat(excelTyped.get("data").get("plannedStart").asString()).isEqualTo(year + "-03-01");
        assertThat(excelTyped.get("data").get("plannedInvestment").get(Integer.toString(year)).decimalValue())
                .isEqualByComparingTo("18000");
        JsonNode textTyped = api().get("/api/v1/projects/" + codes.get(1), viewer()).json();
        assertThat(textTyped.get("phase").asString()).isEqualTo("UNDER_CONSTRUCTION");
        assertThat(textTyped.get("startDate").asString()).isEqualTo((year - 1) + "-09-15");
        assertThat(textTyped.get("data").get("category").asString()).isEqualTo("INFRASTRUCTURE");
        assertThat(textTyped.get("data").get("constructionType").asString()).isEqualTo("CONTINUED");
        assertThat(textTyped.get("data").get("totalInvestment").decimalValue()).isEqualByComparingTo("5200.5");
        assertThat(textTyped.get("data").get("plannedCompletion").asString()).isEqualTo((year + 1) + "-06-30");

        for (String code : good) {
            assertThat(events(topic, code, 1)).extracting(EventEnvelope::type).containsExactly(REGISTERED);
        }
        settle();
        for (String code : good) {
            assertThat(eventsNow(topic, code)).hasSize(1);
        }

        JsonNode second = ok(upload(operator(), xlsx));
        assertThat(counts(second)).containsExactly(10, 0, 0, 8, 2);
        assertThat(second.get("errors").size()).isEqualTo(2);
        settle();
        for (String code : good) {
            assertThat(eventsNow(topic, code)).as(code).hasSize(1);
        }
        assertThat(api().get("/api/v1/projects/" + codes.get(0) + "/trail", operator()).json().size()).isEqualTo(1);
    }

    @Test
    void everyUnreadableCellAndBrokenRuleIsNamedWithItsColumn() {
        String prefix = uniqueCode("LG");
        Object[] unreadable = row(prefix + "-1", unit);
        unreadable[2] = "工业";
        unreadable[5] = "五万";
        unreadable[8] = year + "-02-30";
        Object[] negative = row(prefix + "-2", unit);
        negative[6] = -100;
        Object[] startedWithoutDate = row(prefix + "-3", unit);
        startedWithoutDate[14] = "在建";
        JsonNode result = ok(upload(operator(), workbook(List.of(unreadable, negative, startedWithoutDate,
                row(prefix + "-4", unit), row(prefix + "-4", unit)))));

        assertThat(counts(result)).containsExactly(5, 1, 0, 0, 4);
        List<String> errors = new ArrayList<>();
        result.get("errors").forEach(e -> errors.add(e.get("row").asInt() + " " + e.get("column").asString() + " "
                + e.get("reason").asString()));
        assertThat(errors).hasSize(6);
        assertThat(errors.get(0)).startsWith("3 项目类别 无法识别的项目类别: 工业");
        assertThat(errors.get(1)).startsWith("3 总投资(万元) 不是有效的金额: 五万");
        assertThat(errors.get(2)).startsWith("3 计划开工日期 日期不存在");
        assertThat(errors.get(3)).isEqualTo("4 " + year + "年计划投资(万元) 金额不能为负数");
        assertThat(errors.get(4)).startsWith("5 实际开工日期 ");
        assertThat(errors.get(5)).isEqualTo("7 项目代码 与第 6 行的项目代码重复");
    }

    @Test
    void aChangedRowUpdatesItsProjectAndColumnsTheFileLacksStayAsTheyAre() {
        String a = uniqueCode("LG");
        String b = uniqueCode("LG");
        assertThat(counts(ok(upload(operator(), workbook(List.of(row(a, unit), row(b, unit)))))))
                .containsExactly(2, 2, 0, 0, 0);

        Object[] renamed = row(a, unit);
        renamed[1] = "城东新能源电池产业园一期（扩建）";
        assertThat(counts(ok(upload(operator(), workbook(List.of(renamed, row(b, unit)))))))
                .containsExactly(2, 0, 1, 1, 0);
        assertThat(events(topic, a, 2)).extracting(EventEnvelope::type).containsExactly(REGISTERED, CHANGED);
        JsonNode project = api().get("/api/v1/projects/" + a, viewer()).json();
        assertThat(project.get("data").get("name").asString()).isEqualTo("城东新能源电池产业园一期（扩建）");
        assertThat(project.get("data").get("linkedLeader").asString()).isEqualTo("李副县长");

        // A ledger without the 联系领导 column keeps the leader it does not mention.
        List<String> headers = new ArrayList<>(headers());
        int leader = headers.indexOf("联系领导");
        headers.remove(leader);
        List<Object> cells = new ArrayList<>(Arrays.asList(renamed));
        cells.remove(leader);
        assertThat(counts(ok(upload(operator(), workbook(headers, List.<Object[]>of(cells.toArray()))))))
                .containsExactly(1, 0, 0, 1, 0);
        settle();
        assertThat(eventsNow(topic, a)).hasSize(2);
        assertThat(eventsNow(topic, b)).hasSize(1);
    }

    @Test
    void theTemplateDownloadsInTheLedgerLayoutAndItsExampleRowImports() throws IOException {
        HttpResponse<byte[]> r = download(viewer());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(r.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");

        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
            XSSFSheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("重点项目台账导入模板");
            List<String> header = new ArrayList<>();
            sheet.getRow(1).forEach(c -> header.add(c.getStringCellValue()));
            assertThat(header).isEqualTo(headers());
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isNotBlank();
            List<List<String>> lists = sheet.getDataValidations().stream()
                    .map(DataValidation::getValidationConstraint)
                    .filter(c -> c.getExplicitListValues() != null)
                    .map(c -> List.of(c.getExplicitListValues())).toList();
            assertThat(lists).contains(List.of("产业", "城建", "基础设施", "民生实事", "文旅", "生态", "社会事业"),
                    List.of("省重点", "市重点", "县区重点"), List.of("新建", "续建"),
                    List.of("储备", "前期", "拟开工", "在建", "竣工", "投产"));
            assertThat(wb.getSheet("填写说明")).isNotNull();
            assertThat(wb.getSheet("责任单位").getLastRowNum()).isPositive();
        }

        JsonNode imported = ok(upload(operator(), r.body()));
        assertThat(imported.get("rows").asInt()).isEqualTo(1);
        assertThat(imported.get("rejected").asInt()).as(imported.toString()).isZero();
        assertThat(api().get("/api/v1/projects/" + year + "-370103-48-01-000123", viewer()).status())
                .isEqualTo(200);
    }

    @Test
    void aFileThatIsNotALedgerIsRefusedWholeAndChangesNothing() {
        String csv = "项目代码,项目名称\n" + uniqueCode("LG") + ",城东新能源电池产业园一期\n";
        assertRefused(upload(operator(), csv.getBytes(StandardCharsets.UTF_8)), "不是 .xlsx");
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        assertRefused(upload(operator(), noise), "不是 .xlsx");
        byte[] zipOfNothing = {'P', 'K', 3, 4, 0, 0, 0, 0};
        assertRefused(upload(operator(), zipOfNothing), ".xlsx");

        assertRefused(upload(operator(), write(new XSSFWorkbook(), wb -> wb.createSheet("项目台账"))), "为空");

        String code = uniqueCode("LG");
        assertRefused(upload(operator(), write(new XSSFWorkbook(), wb -> {
            Sheet sheet = wb.createSheet("项目台账");
            sheet.createRow(0).createCell(0).setCellValue(code);
            sheet.createRow(1).createCell(0).setCellValue("城东新能源电池产业园一期");
        })), "未找到表头");

        String big = uniqueCode("LG");
        assertRefused(upload(operator(), write(new SXSSFWorkbook(200), wb -> {
            Sheet sheet = wb.createSheet("项目台账");
            Row header = sheet.createRow(1);
            List<String> names = headers();
            for (int i = 0; i < names.size(); i++) {
                header.createCell(i).setCellValue(names.get(i));
            }
            for (int i = 1; i <= 20_001; i++) {
                Object[] values = row(big + "-" + i, unit);
                Row row = sheet.createRow(i + 1);
                row.createCell(0).setCellValue((String) values[0]);
                row.createCell(1).setCellValue((String) values[1]);
            }
        })), "20000");
        assertThat(api().get("/api/v1/projects/" + code, viewer()).status()).isEqualTo(404);
        assertThat(api().get("/api/v1/projects/" + big + "-1", viewer()).status()).isEqualTo(404);
    }

    @Test
    void onlyOperatorsImport() {
        String code = uniqueCode("LG");
        ApiClient.Response r = upload(viewer(), workbook(List.<Object[]>of(row(code, unit))));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(upload(unitSystem(unit), workbook(List.<Object[]>of(row(code, unit)))).status()).isEqualTo(403);
        assertThat(api().get("/api/v1/projects/" + code, viewer()).status()).isEqualTo(404);
    }

    // ---- helpers ----

    private List<String> headers() {
        return List.of("项目代码", "项目名称", "项目类别", "项目级别", "建设性质", "总投资(万元)",
                year + "年计划投资(万元)", (year + 1) + "年计划投资(万元)", "计划开工日期", "计划竣工日期", "所在乡镇",
                "责任单位编码", "联系领导", "项目业主", "项目阶段", "实际开工日期");
    }

    /** A good row as an office types it: numbers, Excel dates and Chinese labels. */
    private Object[] row(String code, String unitCode) {
        return new Object[]{code, "城东新能源电池产业园一期", "产业", "市重点", "新建", 52000, 18000, 33000.5,
                LocalDate.of(year, 3, 1), LocalDate.of(year + 1, 12, 31), "城关镇", unitCode, "李副县长",
                "某某新能源有限公司", "拟开工", null};
    }

    private byte[] workbook(List<Object[]> rows) {
        return workbook(headers(), rows);
    }

    /** The 台账 layout: a title row, the header row, then the data rows (Excel row 3 on). */
    private byte[] workbook(List<String> headers, List<Object[]> rows) {
        return write(new XSSFWorkbook(), wb -> {
            Sheet sheet = wb.createSheet("项目台账");
            sheet.createRow(0).createCell(0).setCellValue("重点项目台账");
            Row header = sheet.createRow(1);
            for (int i = 0; i < headers.size(); i++) {
                header.createCell(i).setCellValue(headers.get(i));
            }
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 2);
                Object[] values = rows.get(r);
                for (int c = 0; c < values.length; c++) {
                    Object v = values[c];
                    if (v instanceof String s) {
                        row.createCell(c).setCellValue(s);
                    } else if (v instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else if (v instanceof LocalDate d) {
                        row.createCell(c).setCellValue(d);
                        row.getCell(c).setCellStyle(date);
                    }
                }
            }
        });
    }

    private static <W extends Workbook> byte[] write(W wb, Consumer<W> content) {
        try (wb; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            content.accept(wb);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** multipart/form-data with one part "file", built by hand: ApiClient sends raw bytes as they are. */
    private ApiClient.Response upload(String token, byte[] file) {
        String boundary = "----ledger-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"ledger.xlsx\""
                + "\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return api().send("POST", PATH, token, body.toByteArray(), "multipart/form-data; boundary=" + boundary);
    }

    private HttpResponse<byte[]> download(String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + PATH + "/template"))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).GET().build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode ok(ApiClient.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static List<Integer> counts(JsonNode result) {
        return List.of(result.get("rows").asInt(), result.get("created").asInt(), result.get("updated").asInt(),
                result.get("unchanged").asInt(), result.get("rejected").asInt());
    }

    private static void assertRefused(ApiClient.Response r, String reason) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
        assertThat(r.json().get("errors").get(0).get("reason").asString()).contains(reason);
    }

    /** Waits until the relay has published and marked everything, so that counting events is final. */
    private void settle() {
        await().atMost(Duration.ofSeconds(10)).until(() -> relay.pendingCount() == 0);
    }
}
