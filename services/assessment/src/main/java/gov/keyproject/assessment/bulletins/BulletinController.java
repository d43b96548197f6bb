package gov.keyproject.assessment.bulletins;

import gov.keyproject.assessment.bulletin.BulletinPage;
import gov.keyproject.assessment.bulletin.BulletinReport;
import gov.keyproject.assessment.bulletin.BulletinWorkbook;
import gov.keyproject.contracts.assessment.BulletinPublished;
import gov.keyproject.platform.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

/** 月度通报: the frozen bulletins, their exports, and a rebuild from the event history that checks them. */
@RestController
@Tag(name = "月度通报 Bulletins", description = "Monthly bulletins frozen at period close; exports; rebuild from history")
class BulletinController {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Bulletins bulletins;
    private final BulletinHistory history;

    BulletinController(Bulletins bulletins, BulletinHistory history) {
        this.bulletins = bulletins;
        this.history = history;
    }

    /** A rebuild's outcome without the bytes. */
    record RebuildResult(YearMonth period, boolean identical, long eventsRead, String issuedXlsxSha256,
                         String rebuiltXlsxSha256, String issuedHtmlSha256, String rebuiltHtmlSha256) {
    }

    @GetMapping("/api/v1/bulletins")
    @Operation(summary = "已印发的月度通报", description = "Newest first.")
    List<BulletinPublished> list() {
        return bulletins.all();
    }

    @GetMapping("/api/v1/bulletins/{period}")
    @Operation(summary = "某月通报 (冻结内容)")
    BulletinPublished get(@PathVariable String period) {
        YearMonth p = period(period);
        return bulletins.frozen(p).orElseThrow(() -> ApiProblem.notFound("月度通报", period));
    }

    @GetMapping("/api/v1/bulletins/{period}/export.xlsx")
    @Operation(summary = "导出通报 (.xlsx)")
    ResponseEntity<byte[]> xlsx(@PathVariable String period) {
        BulletinReport report = report(period);
        return file(BulletinWorkbook.render(report), XLSX, period + "-月度通报.xlsx");
    }

    @GetMapping("/api/v1/bulletins/{period}/export.html")
    @Operation(summary = "打印版通报 (HTML)")
    ResponseEntity<byte[]> html(@PathVariable String period) {
        BulletinReport report = report(period);
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(BulletinPage.render(report).getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping("/api/v1/bulletins/{period}/rebuild")
    @PreAuthorize("hasAnyRole('OPERATOR', 'VIEWER')")
    @Operation(summary = "由事件历史重建通报并核对", description = "Reads the ranking event history from the beginning, "
            + "renders the bulletin again and compares its digests with those issued.")
    RebuildResult rebuild(@PathVariable String period) {
        YearMonth p = period(period);
        BulletinHistory.Rebuilt r = history.rebuild(p).orElseThrow(() -> ApiProblem.notFound("月度通报", period));
        return new RebuildResult(p, r.identical(), r.eventsRead(), r.issuedXlsxSha256(), r.rebuiltXlsxSha256(),
                r.issuedHtmlSha256(), r.rebuiltHtmlSha256());
    }

    private BulletinReport report(String period) {
        return bulletins.report(period(period)).orElseThrow(() -> ApiProblem.notFound("月度通报", period));
    }

    private static ResponseEntity<byte[]> file(byte[] bytes, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString()).body(bytes);
    }

    private static YearMonth period(String value) {
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest("period", "须为 YYYY-MM 格式的月份");
        }
    }
}
