package gov.keyproject.statistics.feed;

import gov.keyproject.statistics.figures.FeedEntry;
import jakarta.annotation.PreDestroy;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Feed file imports as background jobs. The job's state lives in "feed-jobs" (by job id), written when it starts,
 * after every batch of {@value #BATCH} rows and when it ends, so any instance can answer a poll. Rows are checked
 * one by one; bad rows are listed (row, field, reason; the first {@value #MAX_ERRORS} kept, all counted) and the good
 * rows of each batch go to {@link FeedStore#applyAll} in one bulk write.
 */
@Component
class FeedJobs {

    static final String COLLECTION = "feed-jobs";
    static final int MAX_ROWS = 500_000;
    static final int BATCH = 1000;
    static final int MAX_ERRORS = 1000;
    private static final Logger log = LoggerFactory.getLogger(FeedJobs.class);

    enum Status { RUNNING, DONE, FAILED }

    private final FeedStore store;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final ThreadPoolExecutor executor;

    FeedJobs(FeedStore store, MongoTemplate mongo, Clock clock) {
        this.store = store;
        this.mongo = mongo;
        this.clock = clock;
        AtomicInteger n = new AtomicInteger();
        // Two cores here: two imports at a time, a short queue, and a clear "busy" beyond it.
        this.executor = new ThreadPoolExecutor(2, 2, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(20), r -> {
            Thread t = new Thread(r, "feed-import-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /**
     * Records a job for an inspected file and queues it; the job deletes the file when it ends.
     *
     * @throws RejectedExecutionException when too many imports are waiting (nothing recorded, file kept)
     */
    String start(Path file, FeedFile.Inspection inspection, String fileName, String actor) {
        String id = UUID.randomUUID().toString();
        Document job = new Document("_id", id).append("status", Status.RUNNING.name())
                .append("fileName", fileName).append("format", inspection.format().name())
                .append("encoding", inspection.encoding()).append("headerRow", inspection.header().rowNumber())
                .append("rows", inspection.rows()).append("done", 0).append("applied", 0).append("unchanged", 0)
                .append("revised", 0).append("failed", 0).append("errorCount", 0).append("errors", List.of())
                .append("createdBy", actor).append("createdAt", Date.from(clock.instant()));
        mongo.insert(job, COLLECTION);
        try {
            executor.execute(() -> run(id, file, inspection));
        } catch (RejectedExecutionException e) {
            mongo.remove(new Query(Criteria.where("_id").is(id)), COLLECTION);
            throw e;
        }
        return id;
    }

    Document find(String id) {
        return mongo.findById(id, Document.class, COLLECTION);
    }

    private void run(String id, Path file, FeedFile.Inspection inspection) {
        Progress progress = new Progress(id, inspection.header());
        try {
            List<Raw> batch = new ArrayList<>(BATCH);
            FeedFile.read(file, inspection, (rowNumber, cells) -> {
                batch.add(new Raw(rowNumber, List.copyOf(nullsAsEmpty(cells))));
                if (batch.size() == BATCH) {
                    progress.apply(batch);
                    batch.clear();
                }
            });
            progress.apply(batch);
            progress.finish(Status.DONE, null);
        } catch (RuntimeException | Error e) {
            log.warn("feed import {} failed after {} rows", id, progress.done, e);
            String reason = e instanceof FeedFileRejected r ? r.getMessage()
                    : "导入中断（服务器错误）：已处理的行已保存，重新上传同一文件不会重复入库";
            try {
                progress.finish(Status.FAILED, reason);
            } catch (RuntimeException again) {
                log.error("could not record the failure of feed import {}", id, again);
            }
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.warn("could not delete {}", file, e);
            }
        }
    }

    private static List<String> nullsAsEmpty(List<String> cells) {
        List<String> copy = new ArrayList<>(cells.size());
        cells.forEach(c -> copy.add(c == null ? "" : c));
        return copy;
    }

    private record Raw(int row, List<String> cells) {
    }

    /** The counters of one job, written to its document after each batch. */
    private final class Progress {
        private final String id;
        private final FeedHeader header;
        private final String source;
        private int done;
        private int applied;
        private int unchanged;
        private int revised;
        private int failed;
        private int errorCount;

        Progress(String id, FeedHeader header) {
            this.id = id;
            this.header = header;
            this.source = "file:" + id;
        }

        void apply(List<Raw> batch) {
            if (batch.isEmpty()) {
                return;
            }
            LocalDate today = LocalDate.now(clock);
            List<FeedRow.Result> results = new ArrayList<>(batch.size());
            List<String> codes = new ArrayList<>();
            for (Raw raw : batch) {
                FeedRow.Result r = FeedRow.parse(raw.row(), header.cell(raw.cells(), FeedRow.CODE),
                        header.cell(raw.cells(), FeedRow.PERIOD), header.cell(raw.cells(), FeedRow.AMOUNT), today);
                results.add(r);
                if (r.ok()) {
                    codes.add(r.entry().projectCode());
                }
            }
            Set<String> known = store.knownCodes(codes);
            List<FeedEntry> good = new ArrayList<>();
            List<FeedRow.Error> errors = new ArrayList<>();
            int failedRows = 0;
            for (FeedRow.Result r : results) {
                if (r.ok() && known.contains(r.entry().projectCode())) {
                    good.add(r.entry());
                } else {
                    failedRows++;
                    errors.addAll(r.ok() ? List.of(FeedRow.unknownCode(r.row(), r.entry().projectCode())) : r.errors());
                }
            }
            for (FeedStore.Outcome o : store.applyAll(good, source)) {
                switch (o) {
                    case APPLIED -> applied++;
                    case UNCHANGED -> unchanged++;
                    case REVISED -> revised++;
                }
            }
            failed += failedRows;
            done += batch.size();
            List<Document> kept = new ArrayList<>();
            for (FeedRow.Error e : errors) {
                if (errorCount + kept.size() < MAX_ERRORS) {
                    kept.add(new Document("row", e.row()).append("field", e.field())
                            .append("column", header.titles().get(e.field())).append("reason", e.reason()));
                }
            }
            errorCount += errors.size();
            Update update = counters();
            if (!kept.isEmpty()) {
                update.push("errors").each(kept.toArray());
            }
            mongo.updateFirst(new Query(Criteria.where("_id").is(id)), update, COLLECTION);
        }

        void finish(Status status, String reason) {
            Update update = counters().set("status", status.name()).set("finishedAt", Date.from(clock.instant()));
            if (reason != null) {
                update.set("reason", reason);
            }
            mongo.updateFirst(new Query(Criteria.where("_id").is(id)), update, COLLECTION);
        }

        private Update counters() {
            return new Update().set("done", done).set("applied", applied).set("unchanged", unchanged)
                    .set("revised", revised).set("failed", failed).set("errorCount", errorCount)
                    .set("updatedAt", Date.from(clock.instant()));
        }
    }
}
