package gov.keyproject.registry.ledger;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * What an import did. {@code rows} counts the non-blank data rows; each is created, updated, unchanged or rejected.
 * {@code errors} names every reason a row was rejected (a row may have several), row numbers as Excel shows them.
 */
@Schema(description = "台账导入结果", example = """
        {"rows": 10, "created": 8, "updated": 0, "unchanged": 0, "rejected": 2, "errors": [
         {"row": 5, "column": "责任单位编码", "reason": "责任单位 ZN-99 不存在"},
         {"row": 9, "column": "总投资(万元)", "reason": "金额最多保留 2 位小数 (万元)"}]}""")
public record LedgerImportResult(int rows, int created, int updated, int unchanged, int rejected,
                                 List<RowError> errors) {

    public record RowError(int row, String column, String reason) {
    }
}
