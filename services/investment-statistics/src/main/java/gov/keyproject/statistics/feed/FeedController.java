package gov.keyproject.statistics.feed;

import gov.keyproject.platform.security.Caller;
import gov.keyproject.platform.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bson.Document;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;

@RestController
@RequestMapping("/api/v1/feed")
@Tag(name = "投资入库 Statistics feed", description = "The statistics bureau's entered amounts per project and period")
class FeedController {

    private final FeedJobs jobs;
    private final FeedStore store;

    FeedController(FeedJobs jobs, FeedStore store) {
        this.jobs = jobs;
        this.store = store;
    }

    record ErrorView(int row, String field, String column, String reason) {
    }

    record JobView(String id, String status, String fileName, String format, String encoding, int rows, int done,
                   int applied, int unchanged, int revised, int failed, int percent, int errorCount,
                   boolean errorsTruncated, List<ErrorView> errors, String reason, String createdBy, Date createdAt,
                   Date finishedAt) {

        static JobView of(Document d) {
            int rows = d.getInteger("rows", 0);
            int done = d.getInteger("done", 0);
            String status = d.getString("status");
            int percent = "DONE".equals(status) || rows == 0 ? ("RUNNING".equals(status) ? 0 : 100)
                    : (int) (done * 100L / rows);
            List<ErrorView> errors = d.getList("errors", Document.class, List.of()).stream()
                    .map(e -> new ErrorView(e.getInteger("row"), e.getString("field"), e.getString("column"),
                            e.getString("reason")))
                    .toList();
            int errorCount = d.getInteger("errorCount", 0);
            return new JobView(d.getString("_id"), status, d.getString("fileName"), d.getString("format"),
                    d.getString("encoding"), rows, done, d.getInteger("applied", 0), d.getInteger("unchanged", 0),
                    d.getInteger("revised", 0), d.getInteger("failed", 0), percent, errorCount,
                    errorCount > errors.size(), errors, d.getString("reason"), d.getString("createdBy"), d.getDate("createdAt"),
                    d.getDate("finishedAt"));
        }
    }

    record EntryView(String projectCode, String period, BigDecimal amountEntered, List<FeedStore.Revision> revisions) {
    }

    @PostMapping(path = "/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('STATISTICS_FEED', 'OPERATOR')")
    @Operation(summary = "上传统计局入库数据文件 (multipart field \"file\": CSV in UTF-8/GBK or .xlsx; columns 项目代码, "
            + "统计期, 入库金额(万元); at most 500000 rows). Answers 202 with a job to poll; bad rows are listed with "
            + "row, field and reason while the good rows apply; the same file twice changes nothing. A file that "
            + "cannot be read as a feed file is refused with 400 (field \"file\") and nothing is applied.")
    ResponseEntity<JobView> upload(@RequestParam("file") MultipartFile file) throws IOException {
        if (file.isEmpty()) {
            throw rejected("文件为空");
        }
        // Read twice (check, then import) and by random access for .xlsx: a file on disk keeps it out of the heap.
        Path tmp = Files.createTempFile("feed-", ".upload");
        boolean handedOver = false;
        try {
            file.transferTo(tmp);
            FeedFile.Inspection inspection;
            try {
                inspection = FeedFile.inspect(tmp, FeedJobs.MAX_ROWS);
            } catch (FeedFileRejected e) {
                throw rejected(e.getMessage());
            }
            String id;
            try {
                id = jobs.start(tmp, inspection, file.getOriginalFilename(), Caller.current().actor());
            } catch (RejectedExecutionException e) {
                throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "导入任务繁忙",
                        "正在排队的导入任务过多，请稍后重试", List.of());
            }
            handedOver = true;
            return ResponseEntity.accepted().location(URI.create("/api/v1/feed/jobs/" + id))
                    .body(JobView.of(jobs.find(id)));
        } finally {
            if (!handedOver) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    @GetMapping("/jobs/{id}")
    @Operation(summary = "导入任务进度 (status RUNNING|DONE|FAILED, rows done/failed, percent, row errors)")
    JobView job(@PathVariable String id) {
        Document d = jobs.find(id);
        if (d == null) {
            throw ApiProblem.notFound("导入任务", id);
        }
        return JobView.of(d);
    }

    @GetMapping("/entries")
    @Operation(summary = "某项目的入库金额（按统计期），含每次修订")
    List<EntryView> entries(@RequestParam String project) {
        return store.entries(project).stream()
                .map(e -> new EntryView(e.projectCode(), e.period().toString(), e.amountEntered(), e.revisions()))
                .toList();
    }

    private static ApiProblem rejected(String reason) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "入库数据文件不能导入", "file: " + reason,
                List.of(new ApiProblem.FieldError("file", reason)));
    }
}
