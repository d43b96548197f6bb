package gov.keyproject.promotion.deals;

import gov.keyproject.contracts.promotion.SourceKind;
import gov.keyproject.platform.security.Caller;
import gov.keyproject.platform.web.ApiProblem;
import gov.keyproject.promotion.deal.Contact;
import gov.keyproject.promotion.deal.Deal;
import gov.keyproject.promotion.deal.DealDetails;
import gov.keyproject.promotion.deal.DealRuleViolation;
import gov.keyproject.promotion.deal.DealSource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 招商项目批量导入 from an .xlsx sheet (编号, 企业名称, 产业, 来源, 展会名称, 意向投资(万元), 责任单位编码, 联系人, 联系电话,
 * 登记日期): good rows are registered or updated, each bad row is named with its row, column and reason, and the same
 * file twice changes nothing.
 */
@RestController
@Tag(name = "招商项目 Deals")
class DealImportController {

    static final int MAX_ROWS = 5_000;
    private static final Map<String, String> COLUMNS = Map.of("编号", "id", "企业名称", "company", "产业", "industry",
            "来源", "source.kind", "展会名称", "source.fairName", "意向投资(万元)", "intendedInvestment",
            "责任单位编码", "unitCode", "联系人", "contacts[0].name", "联系电话", "contacts[0].phone",
            "登记日期", "registeredOn");
    private static final Map<String, SourceKind> SOURCES = Map.of("上门招商", SourceKind.VISIT, "以商招商",
            SourceKind.REFERRAL, "展会", SourceKind.FAIR, "线上", SourceKind.ONLINE);

    private final DealService deals;

    DealImportController(DealService deals) {
        this.deals = deals;
    }

    record RowError(int row, String column, String reason) {
    }

    record ImportResult(int rows, int created, int updated, int unchanged, int rejected, List<RowError> errors) {
    }

    @PostMapping(value = "/api/v1/deals/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('OPERATOR', 'PROMOTION_STAFF')")
    @Operation(summary = "批量导入招商项目 (.xlsx; promotion staff only for their own unit's rows)")
    ImportResult importDeals(@RequestParam("file") MultipartFile file) {
        Caller caller = Caller.current();
        try (Workbook workbook = open(file)) {
            Sheet sheet = workbook.getSheetAt(0);
            Map<String, Integer> header = header(sheet);
            if (sheet.getLastRowNum() > MAX_ROWS + 1) {
                throw ApiProblem.badRequest("file", "超过 " + MAX_ROWS + " 行的上限，请分批导入");
            }
            int rows = 0;
            int created = 0;
            int updated = 0;
            int unchanged = 0;
            List<RowError> errors = new ArrayList<>();
            DataFormatter format = new DataFormatter();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null || blank(row, format)) {
                    continue;
                }
                rows++;
                Map<String, String> v = new HashMap<>();
                header.forEach((name, c) -> v.put(COLUMNS.get(name), text(row.getCell(c), format)));
                try {
                    String id = v.get("id");
                    DealDetails details = new DealDetails(v.get("company"), v.get("industry"),
                            new DealSource(source(v.get("source.kind")), v.get("source.fairName")),
                            amount(v.get("intendedInvestment")), v.get("unitCode"),
                            v.get("contacts[0].name") == null ? List.of()
                                    : List.of(new Contact(v.get("contacts[0].name"), v.get("contacts[0].phone"))));
                    caller.requireUnit(details.unitCode());
                    if (id == null || deals.find(id).isEmpty()) {
                        deals.register(id, details, date(v.get("registeredOn")), caller.actor());
                        created++;
                    } else if (deals.execute(id, d -> {
                        caller.requireUnit(d.unitCode());
                        return d.update(details);
                    }, caller.actor()).isEmpty()) {
                        unchanged++;
                    } else {
                        updated++;
                    }
                } catch (DealRuleViolation e) {
                    errors.add(new RowError(r + 1, column(e.field()), e.getMessage()));
                } catch (ApiProblem e) {
                    errors.add(new RowError(r + 1, "责任单位编码", e.getMessage()));
                }
            }
            return new ImportResult(rows, created, updated, unchanged, errors.size(), errors);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The workbook, or 400 naming the file when the bytes are not an .xlsx (CSV, old .xls, random bytes). */
    private static Workbook open(MultipartFile file) {
        try (InputStream in = file.getInputStream()) {
            return new XSSFWorkbook(in);
        } catch (IOException | RuntimeException e) {
            throw ApiProblem.badRequest("file", "不是可读取的 .xlsx 文件");
        }
    }

    private static Map<String, Integer> header(Sheet sheet) {
        Row row = sheet.getRow(0);
        Map<String, Integer> header = new HashMap<>();
        if (row != null) {
            for (Cell cell : row) {
                String name = cell.toString().trim();
                if (COLUMNS.containsKey(name)) {
                    header.put(name, cell.getColumnIndex());
                }
            }
        }
        for (String required : List.of("编号", "企业名称", "产业", "来源", "意向投资(万元)", "责任单位编码")) {
            if (!header.containsKey(required)) {
                throw ApiProblem.badRequest("file", "首行缺少列「" + required + "」");
            }
        }
        return header;
    }

    private static String column(String field) {
        String f = field.startsWith("contacts") ? field.replaceFirst("contacts\\[\\d+]", "contacts[0]") : field;
        return COLUMNS.entrySet().stream().filter(e -> e.getValue().equals(f)).map(Map.Entry::getKey).findFirst()
                .orElse(field);
    }

    private static SourceKind source(String label) {
        if (label == null) {
            throw new DealRuleViolation("source.kind", "不能为空");
        }
        SourceKind kind = SOURCES.get(label);
        if (kind == null) {
            try {
                return SourceKind.valueOf(label);
            } catch (IllegalArgumentException e) {
                throw new DealRuleViolation("source.kind", "来源须为 上门招商、以商招商、展会 或 线上");
            }
        }
        return kind;
    }

    private static BigDecimal amount(String text) {
        try {
            return text == null ? null : new BigDecimal(text.replace(",", ""));
        } catch (NumberFormatException e) {
            throw new DealRuleViolation("intendedInvestment", "不是数字: " + text);
        }
    }

    private static LocalDate date(String text) {
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new DealRuleViolation("registeredOn", "日期格式须为 YYYY-MM-DD");
        }
    }

    private static String text(Cell cell, DataFormatter format) {
        if (cell == null) {
            return null;
        }
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate().toString();
        }
        if (cell.getCellType() == CellType.NUMERIC) {
            return new BigDecimal(Double.toString(cell.getNumericCellValue())).stripTrailingZeros().toPlainString();
        }
        String v = format.formatCellValue(cell).trim();
        return v.isEmpty() ? null : v;
    }

    private static boolean blank(Row row, DataFormatter format) {
        for (Cell cell : row) {
            if (!format.formatCellValue(cell).isBlank()) {
                return false;
            }
        }
        return true;
    }
}
