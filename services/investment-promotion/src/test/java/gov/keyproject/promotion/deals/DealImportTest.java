package gov.keyproject.promotion.deals;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** 招商项目批量导入: good rows kept, bad rows named by row, column and reason; the same file twice changes nothing. */
class DealImportTest extends PromotionIntegrationTest {

    private static final String[] HEADER = {"编号", "企业名称", "产业", "来源", "展会名称", "意向投资(万元)", "责任单位编码",
            "联系人", "联系电话", "登记日期"};

    @Test
    void goodRowsAreKeptBadRowsNamedAndASecondImportChangesNothing() throws Exception {
        String unit = uniqueCode("ZN");
        String a = uniqueCode("D");
        String b = uniqueCode("D");
        String c = uniqueCode("D");
        byte[] file = workbook(List.of(
                new Object[]{a, "某某新能源有限公司", "新能源", "上门招商", null, 30000, unit, "张经理", "13800000000", null},
                new Object[]{b, "某某生物科技有限公司", "生物医药", "展会", "青洽会", 12000.5, unit, null, null, null},
                new Object[]{uniqueCode("D"), "某某物流有限公司", "物流", "电视广告", null, 5000, unit, null, null, null},
                new Object[]{uniqueCode("D"), "某某材料有限公司", "新材料", "线上", null, 100.123, unit, null, null, null},
                new Object[]{c, "某某食品有限公司", "食品加工", "以商招商", null, 8000, unit, "李总", "13900000000", null}));

        JsonNode first = upload(file, staff(unit));
        assertThat(first.get("rows").asInt()).isEqualTo(5);
        assertThat(first.get("created").asInt()).isEqualTo(3);
        assertThat(first.get("rejected").asInt()).isEqualTo(2);
        assertThat(first.get("errors").get(0).get("row").asInt()).isEqualTo(4);
        assertThat(first.get("errors").get(0).get("column").asString()).isEqualTo("来源");
        assertThat(first.get("errors").get(1).get("row").asInt()).isEqualTo(5);
        assertThat(first.get("errors").get(1).get("column").asString()).isEqualTo("意向投资(万元)");
        for (String id : List.of(a, b, c)) {
            assertThat(api().get("/api/v1/deals/" + id, staff(unit)).status()).isEqualTo(200);
        }
        String trail = api().get("/api/v1/deals/" + a + "/trail", staff(unit)).body();

        JsonNode second = upload(file, staff(unit));
        assertThat(second.get("created").asInt()).isZero();
        assertThat(second.get("updated").asInt()).isZero();
        assertThat(second.get("unchanged").asInt()).isEqualTo(3);
        assertThat(api().get("/api/v1/deals/" + a + "/trail", staff(unit)).body()).isEqualTo(trail);
        assertThat(api().get("/api/v1/deals?unit=" + unit, operator()).json().size()).isEqualTo(3);
    }

    @Test
    void anotherUnitsRowsAViewerAndANonWorkbookAreRefused() throws Exception {
        String unit = uniqueCode("ZN");
        String id = uniqueCode("D");
        byte[] file = workbook(List.<Object[]>of(
                new Object[]{id, "某某新能源有限公司", "新能源", "上门招商", null, 30000, unit, null, null, null}));
        JsonNode other = upload(file, staff(uniqueCode("TS")));
        assertThat(other.get("rejected").asInt()).isEqualTo(1);
        assertThat(other.get("errors").get(0).get("column").asString()).isEqualTo("责任单位编码");
        assertThat(api().get("/api/v1/deals/" + id, operator()).status()).isEqualTo(404);

        assertThat(send(file, viewer()).statusCode()).isEqualTo(403);
        assertThat(send(file, statisticsFeed()).statusCode()).isEqualTo(403);
        assertThat(send(file, unitSystem(unit)).statusCode()).isEqualTo(403);
        assertThat(send(file, null).statusCode()).isEqualTo(401);
        assertThat(api().get("/api/v1/deals/" + id, operator()).status()).isEqualTo(404);
        HttpResponse<String> notXlsx = send("编号,企业名称\n".getBytes(StandardCharsets.UTF_8), operator());
        assertThat(notXlsx.statusCode()).isEqualTo(400);
        assertThat(notXlsx.body()).contains("\"field\":\"file\"");
    }

    private JsonNode upload(byte[] file, String token) throws Exception {
        HttpResponse<String> response = send(file, token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(response.body());
    }

    private HttpResponse<String> send(byte[] file, String token) throws Exception {
        String boundary = "b" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"deals.xlsx\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/deals/import"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] workbook(List<Object[]> rows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("招商项目");
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADER.length; i++) {
                header.createCell(i).setCellValue(HEADER[i]);
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                Object[] values = rows.get(r);
                for (int i = 0; i < values.length; i++) {
                    if (values[i] instanceof Number n) {
                        row.createCell(i).setCellValue(n.doubleValue());
                    } else if (values[i] != null) {
                        row.createCell(i).setCellValue(values[i].toString());
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }
}
