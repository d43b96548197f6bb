package gov.keyproject.assessment.standings;

import gov.keyproject.contracts.UnitKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Re-ranking after tallies moved (排名更新), gathered for a short delay and done once per sequence: a burst of reports
 * in one township sequence publishes one ranking per delay instead of one per report, each unit's score change still
 * naming what moved it. The tallies are already written when a move is queued, so nothing is lost if the queue is:
 * a re-rank reads the tallies afresh, the start-up sweep re-ranks every sequence, and a re-rank that finds nothing
 * changed publishes nothing.
 */
@Component
public class RankingUpdates implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RankingUpdates.class);
    /** Acceptance times kept per sequence for the latency histogram; beyond that a burst is sampled. */
    private static final int ACCEPTED_KEPT = 20_000;

    private record Sequence(YearMonth period, UnitKind kind) {
    }

    /** The moves queued for one sequence since its last re-rank. */
    private static final class Moves {
        final Map<String, Cause> causes = new LinkedHashMap<>();
        final List<Cause> distinct = new ArrayList<>();
        final List<Instant> accepted = new ArrayList<>();

        void add(String unitCode, Cause cause, Instant acceptedAt) {
            causes.merge(unitCode, cause, Moves::merged);
            if (distinct.size() < 2 && !distinct.contains(cause)) {
                distinct.add(cause);
            }
            if (acceptedAt != null && accepted.size() < ACCEPTED_KEPT) {
                accepted.add(acceptedAt);
            }
        }

        void addAll(Moves later) {
            later.causes.forEach((unit, cause) -> causes.merge(unit, cause, Moves::merged));
            for (Cause c : later.distinct) {
                if (distinct.size() < 2 && !distinct.contains(c)) {
                    distinct.add(c);
                }
            }
            accepted.addAll(later.accepted);
        }

        /** The ranking's cause: the one cause, or the first with 等 when several moved it. */
        Cause cause() {
            Cause first = distinct.get(0);
            return distinct.size() == 1 ? first : new Cause(first.key(), first.label() + "等");
        }

        private static Cause merged(Cause a, Cause b) {
            return a.equals(b) ? a : new Cause(a.key(), a.label().endsWith("等") ? a.label() : a.label() + "等");
        }
    }

    private final Rankings rankings;
    private final Duration delay;
    private final Timer acceptedToRanking;
    private final Timer rerank;
    private final Counter failures;
    private final Object lock = new Object();
    private Map<Sequence, Moves> queued = new LinkedHashMap<>();
    private ScheduledExecutorService executor;
    private volatile boolean running;

    RankingUpdates(Rankings rankings, @Value("${keyproject.assessment.ranking-delay:200ms}") Duration delay,
                   MeterRegistry meters) {
        this.rankings = rankings;
        this.delay = delay;
        this.acceptedToRanking = Timer.builder("keyproject.pipeline.accepted.to.ranking")
                .description("From the request that caused a change being accepted (e.g. a report filed at the "
                        + "registry) to the ranking that reflects it being published here")
                // Buckets up to 10 minutes: under overload the delay is the backlog, and it should still be read.
                .publishPercentileHistogram().maximumExpectedValue(java.time.Duration.ofMinutes(10)).register(meters);
        this.rerank = Timer.builder("keyproject.assessment.ranking.rerank")
                .description("Re-ranking one sequence from its units' tallies and publishing it if it changed")
                .publishPercentileHistogram().register(meters);
        this.failures = Counter.builder("keyproject.assessment.ranking.rerank.failures")
                .description("Re-ranks that failed and were queued again").register(meters);
    }

    /**
     * Queues a re-rank of the unit's sequence for the period.
     *
     * @param acceptedAt when the request behind the move was accepted (for the latency histogram), or null
     */
    public void moved(YearMonth period, UnitKind kind, String unitCode, Cause cause, Instant acceptedAt) {
        synchronized (lock) {
            queued.computeIfAbsent(new Sequence(period, kind), k -> new Moves()).add(unitCode, cause, acceptedAt);
        }
    }

    /** Re-ranks every sequence with queued moves now (also on a timer, and when the service stops). */
    public void flush() {
        Map<Sequence, Moves> due;
        synchronized (lock) {
            if (queued.isEmpty()) {
                return;
            }
            due = queued;
            queued = new LinkedHashMap<>();
        }
        for (Map.Entry<Sequence, Moves> e : due.entrySet()) {
            Sequence s = e.getKey();
            Moves moves = e.getValue();
            try {
                rerank.record(() -> rankings.tallyMoved(s.period(), s.kind(), moves.causes, moves.cause()));
                Instant now = Instant.now(); // wall time: the request may have run on a shifted business clock
                for (Instant accepted : moves.accepted) {
                    acceptedToRanking.record(Duration.between(accepted, now));
                }
            } catch (RuntimeException failure) {
                failures.increment();
                log.warn("re-ranking {} {} failed; queued again: {}", s.period(), s.kind(), failure.toString());
                synchronized (lock) {
                    Moves later = queued.remove(s);
                    queued.put(s, moves);
                    if (later != null) {
                        moves.addAll(later);
                    }
                }
            }
        }
    }

    /** Sequences with queued moves (for tests and the health of the queue). */
    public int queuedSequences() {
        synchronized (lock) {
            return queued.size();
        }
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ranking-updates");
            t.setDaemon(true);
            return t;
        });
        long millis = Math.max(1, delay.toMillis());
        executor.scheduleWithFixedDelay(() -> {
            try {
                flush();
            } catch (RuntimeException e) {
                log.error("ranking updates stopped a round", e); // flush queues failures again; this is a bug
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        flush(); // what was queued before the consumers stopped
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the consumers (higher phases stop first); what it publishes then, the relay sends on the next start. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE / 2;
    }
}
