package gov.keyproject.registry.ledger;

import gov.keyproject.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

@RestController
@RequestMapping("/api/v1/projects/import")
@Tag(name = "项目台账导入 Ledger import", description = "Bulk import of the project ledger from an .xlsx file")
class LedgerImportController {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final LedgerImportService ledger;

    LedgerImportController(LedgerImportService ledger) {
        this.ledger = ledger;
    }

    @GetMapping("/template")
    @Operation(summary = "下载项目台账导入模板 (.xlsx: 标题行、表头、示例行、下拉选项、填写说明、责任单位)")
    ResponseEntity<byte[]> template() {
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(LedgerTemplate.FILE_NAME, StandardCharsets.UTF_8).build().toString())
                .body(ledger.template());
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('OPERATOR')")
    @Operation(summary = "导入项目台账 (operators; multipart field \"file\", .xlsx, at most 20000 rows): "
            + "new codes are registered, existing ones updated when their data differs; bad rows are listed with "
            + "row, column and reason while the good rows are kept; re-importing the same file changes nothing. "
            + "A file that cannot be read as a ledger is refused with 400 and changes nothing.")
    LedgerImportResult importLedger(@RequestParam("file") MultipartFile file) throws IOException {
        // POI reads an .xlsx by random access: a file on disk keeps a large upload out of the heap.
        Path tmp = Files.createTempFile("ledger-", ".xlsx");
        try {
            file.transferTo(tmp);
            return ledger.importLedger(tmp, Caller.current().actor());
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
