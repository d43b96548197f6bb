package gov.keyproject.statistics.project;

import gov.keyproject.contracts.statistics.FigureValues;
import gov.keyproject.contracts.statistics.UnitFiguresUpdated;
import gov.keyproject.platform.outbox.AggregateStore;
import gov.keyproject.statistics.figures.Dimension;
import gov.keyproject.statistics.figures.EnteredInvestment;
import gov.keyproject.statistics.figures.InvestmentFigures;
import gov.keyproject.statistics.figures.ProjectFacts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A unit's figures (单位投资统计) published after its projects moved: changes are gathered for a short delay and
 * each unit's figures are computed once from its projects, so a burst of reports reads each unit's projects once per
 * delay instead of once per report. The figures are written to the unit's document ({@code unitFigures},
 * {@code _id} = unit code) with their event, and published only when they differ from the last published, so a unit
 * computed twice publishes once. Projects are already written when a change is queued: on start-up every unit of
 * the assessment period is recomputed, so a queue lost in a crash leaves nothing behind.
 */
@Component
public class UnitFiguresPublication implements SmartLifecycle {

    static final String COLLECTION = "unitFigures";
    private static final Logger log = LoggerFactory.getLogger(UnitFiguresPublication.class);

    private record UnitPeriod(String unitCode, YearMonth period) {
    }

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final Clock clock;
    private final Duration delay;
    private final Counter failures;
    private final Object lock = new Object();
    /** Unit and period → the last project that moved them. */
    private Map<UnitPeriod, String> queued = new LinkedHashMap<>();
    private ScheduledExecutorService executor;
    private volatile boolean running;

    UnitFiguresPublication(MongoTemplate mongo, AggregateStore store, Clock clock,
                           @Value("${keyproject.statistics.unit-figures-delay:1s}") Duration delay,
                           MeterRegistry meters) {
        this.mongo = mongo;
        this.store = store;
        this.clock = clock;
        this.delay = delay;
        this.failures = Counter.builder("keyproject.statistics.unit.figures.failures")
                .description("Unit figure computations that failed and were queued again").register(meters);
    }

    /** Queues the unit's figures for the period to be computed again, {@code projectCode} having moved them. */
    public void moved(String unitCode, YearMonth period, String projectCode) {
        synchronized (lock) {
            queued.put(new UnitPeriod(unitCode, period), projectCode);
        }
    }

    /** Computes and publishes every queued unit's figures now (also on a timer, and when the service stops). */
    public void flush() {
        Map<UnitPeriod, String> due;
        synchronized (lock) {
            if (queued.isEmpty()) {
                return;
            }
            due = queued;
            queued = new LinkedHashMap<>();
        }
        try {
            // One read of the queued units' projects, however many units and periods are queued.
            List<String> units = due.keySet().stream().map(UnitPeriod::unitCode).distinct().toList();
            Map<String, List<ProjectFacts>> byUnit = new HashMap<>();
            for (ProjectFacts f : ProjectReadModel.factsOfUnits(mongo, units)) {
                byUnit.computeIfAbsent(f.unitCode(), u -> new ArrayList<>()).add(f);
            }
            LocalDate today = LocalDate.now(clock);
            for (Map.Entry<UnitPeriod, String> e : due.entrySet()) {
                UnitPeriod up = e.getKey();
                FigureValues values = FigureEvents.values(new InvestmentFigures(up.period(), today)
                        .group(Dimension.UNIT, up.unitCode(), byUnit.getOrDefault(up.unitCode(), List.of()),
                                EnteredInvestment.NONE));
                publish(new UnitFiguresUpdated(up.unitCode(), up.period(), e.getValue(), values));
            }
        } catch (RuntimeException failure) {
            failures.increment();
            log.warn("unit figures of {} units failed; queued again: {}", due.size(), failure.toString());
            synchronized (lock) {
                due.forEach(queued::putIfAbsent);
            }
        }
    }

    /** Writes the unit's figures with their event unless they are the ones last published. */
    private void publish(UnitFiguresUpdated event) {
        String field = "published." + event.period();
        String digest = event.figures().toString();
        for (int attempt = 1; ; attempt++) {
            Query byId = new Query(Criteria.where("_id").is(event.unitCode()));
            byId.fields().include(field).include(AggregateStore.VERSION).include(AggregateStore.EVENT_SEQ);
            Document doc = mongo.findOne(byId, Document.class, COLLECTION);
            if (doc == null) {
                try {
                    store.insert(COLLECTION, new Document("_id", event.unitCode())
                            .append("published", new Document(event.period().toString(), digest)), List.of(event));
                    return;
                } catch (DuplicateKeyException e) {
                    continue; // created concurrently
                }
            }
            Document published = doc.get("published", Document.class);
            if (published != null && digest.equals(published.getString(event.period().toString()))) {
                return;
            }
            try {
                store.update(COLLECTION, event.unitCode(), doc.get(AggregateStore.VERSION, Number.class).longValue(),
                        doc.get(AggregateStore.EVENT_SEQ, Number.class).longValue(), new Update().set(field, digest),
                        List.of(event));
                return;
            } catch (OptimisticLockingFailureException e) {
                if (attempt >= 10) {
                    throw e;
                }
            }
        }
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "unit-figures");
            t.setDaemon(true);
            return t;
        });
        // Whatever was queued when the service last stopped or crashed: every unit of the assessment period.
        executor.execute(() -> {
            try {
                YearMonth period = InvestmentFigures.assessmentPeriod(LocalDate.now(clock));
                for (String unit : ProjectReadModel.unitCodes(mongo)) {
                    moved(unit, period, null);
                }
            } catch (RuntimeException e) {
                log.warn("unit figures were not recomputed at start-up: {}", e.toString());
            }
        });
        long millis = Math.max(1, delay.toMillis());
        executor.scheduleWithFixedDelay(() -> {
            try {
                flush();
            } catch (RuntimeException e) {
                log.error("unit figures stopped a round", e); // flush queues failures again; this is a bug
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
        flush();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the consumers (higher phases stop first). */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE / 2;
    }
}
