package gov.keyproject.platform.outbox;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Publishes the events that ride in aggregate documents, then removes them from the documents.
 *
 * <p>Fast path: the {@link AggregateStore} hands each write's events to the relay, which sends them in batches,
 * asynchronously, and waits for the whole batch (never one synchronous send per record). Slow path: a sweep finds
 * events left behind by a crash, a broker outage or a failed mark, and sends them again. A crash after the send and
 * before the mark publishes an event twice: consumers are idempotent by the envelope's sequence.
 *
 * <p>A Resilience4j circuit breaker guards the broker: while it is open the events simply stay in the documents.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int MAX_BATCH = 2_000;

    record Batch(String collection, Object id, List<PendingEvent> events) {
    }

    private final MongoTemplate mongo;
    private final Supplier<Producer<String, byte[]>> producerFactory;
    private final CircuitBreaker breaker;
    private final Clock clock;
    private static final int RECENT = 50_000;
    private final Set<String> recentlySent = new java.util.LinkedHashSet<>();
    private final Duration sweepInterval;
    private final Duration sweepGrace;
    private final Set<String> collections = ConcurrentHashMap.newKeySet();
    private final BlockingQueue<Batch> queue = new LinkedBlockingQueue<>(200_000);
    private final Counter published;

    private volatile boolean running;
    private boolean autoStartup = true;
    private volatile Thread worker;
    private Producer<String, byte[]> producer;
    private long nextSweepAt;

    public OutboxRelay(MongoTemplate mongo, Supplier<Producer<String, byte[]>> producerFactory, CircuitBreaker breaker,
                       Clock clock, Duration sweepInterval, Duration sweepGrace, List<String> collections,
                       MeterRegistry meters) {
        this.mongo = mongo;
        this.producerFactory = producerFactory;
        this.breaker = breaker;
        this.clock = clock;
        this.sweepInterval = sweepInterval;
        this.sweepGrace = sweepGrace;
        this.collections.addAll(collections);
        this.published = Counter.builder("keyproject.outbox.published").description("events published by the relay")
                .register(meters);
        meters.gauge("keyproject.outbox.queued", queue, BlockingQueue::size);
    }

    /** Called by the store after each successful write. Never blocks the caller; a full queue defers to the sweep. */
    void submit(String collection, Object id, List<PendingEvent> events) {
        collections.add(collection);
        if (running && !events.isEmpty() && !queue.offer(new Batch(collection, id, events))) {
            log.warn("outbox queue full; {} {} left for the sweep", collection, id);
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        producer = producerFactory.get();
        running = true;
        nextSweepAt = 0; // the first sweep runs at once and without grace: whatever is pending predates this process
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        Thread t = worker;
        if (t != null) {
            t.interrupt();
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        queue.clear();
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }

    @Override
    public boolean isAutoStartup() {
        return autoStartup;
    }

    public void setAutoStartup(boolean autoStartup) {
        this.autoStartup = autoStartup;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // Start after the Mongo client, stop before it.
        return Integer.MAX_VALUE - 100;
    }

    private void loop() {
        boolean firstSweep = true;
        while (running) {
            try {
                List<Batch> work = new ArrayList<>();
                Batch head = queue.poll(Math.max(1, nextSweepAt - clock.millis()), TimeUnit.MILLISECONDS);
                if (head != null) {
                    work.add(head);
                    queue.drainTo(work, MAX_BATCH);
                }
                if (clock.millis() >= nextSweepAt) {
                    work.addAll(sweep(firstSweep ? Duration.ZERO : sweepGrace, work));
                    firstSweep = false;
                    nextSweepAt = clock.millis() + sweepInterval.toMillis();
                }
                if (!work.isEmpty()) {
                    publish(work);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // Never silently: the events stay in their documents and the next sweep retries them.
                log.error("outbox relay pass failed; pending events stay for the next sweep", e);
                pause();
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(500); // back-off of the relay's own loop after a failure; no test waits on it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Events older than the grace period still in documents, except those already in this pass. */
    private List<Batch> sweep(Duration grace, List<Batch> alreadyQueued) {
        Set<String> queued = new java.util.HashSet<>();
        alreadyQueued.forEach(b -> b.events().forEach(e -> queued.add(e.id())));
        Date cutoff = new Date(clock.millis() - grace.toMillis());
        List<Batch> found = new ArrayList<>();
        for (String collection : collections) {
            Query query = new Query(Criteria.where(PendingEvent.FIELD + ".0").exists(true));
            query.fields().include(PendingEvent.FIELD);
            for (Document doc : mongo.find(query, Document.class, collection)) {
                List<PendingEvent> events = new ArrayList<>();
                for (Document e : doc.getList(PendingEvent.FIELD, Document.class)) {
                    PendingEvent event = PendingEvent.fromDocument(e);
                    if (!queued.contains(event.id()) && !event.createdAt().after(cutoff)) {
                        events.add(event);
                    }
                }
                if (!events.isEmpty()) {
                    found.add(new Batch(collection, doc.get("_id"), events));
                }
            }
        }
        if (!found.isEmpty()) {
            log.info("outbox sweep found {} documents with unpublished events", found.size());
        }
        return found;
    }

    private void publish(List<Batch> work) {
        if (!breaker.tryAcquirePermission()) {
            log.debug("broker circuit open; {} batches wait in their documents", work.size());
            return;
        }
        long start = System.nanoTime();
        Map<Batch, List<Future<RecordMetadata>>> sends = new LinkedHashMap<>();
        Map<String, List<Batch>> sentByCollection = new LinkedHashMap<>();
        // A document written again before its earlier events were marked submits them again: send each event once.
        Set<String> inThisPass = new java.util.HashSet<>();
        try {
            for (Batch batch : work) {
                List<PendingEvent> toSend = new ArrayList<>();
                List<PendingEvent> sentBefore = new ArrayList<>();
                for (PendingEvent e : batch.events()) {
                    if (recentlySent.contains(e.id())) {
                        sentBefore.add(e); // acknowledged earlier: only its mark is missing
                    } else if (inThisPass.add(e.id())) {
                        toSend.add(e);
                    }
                }
                if (!sentBefore.isEmpty()) {
                    sentByCollection.computeIfAbsent(batch.collection(), c -> new ArrayList<>())
                            .add(new Batch(batch.collection(), batch.id(), sentBefore));
                }
                if (toSend.isEmpty()) {
                    continue;
                }
                Batch sending = new Batch(batch.collection(), batch.id(), toSend);
                List<Future<RecordMetadata>> futures = new ArrayList<>(toSend.size());
                for (PendingEvent e : toSend) {
                    futures.add(producer.send(new ProducerRecord<>(e.topic(), e.key(),
                            e.payload().getBytes(StandardCharsets.UTF_8))));
                }
                sends.put(sending, futures);
            }
        } catch (RuntimeException e) {
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            throw e;
        }
        Exception failure = null;
        int count = 0;
        for (Map.Entry<Batch, List<Future<RecordMetadata>>> entry : sends.entrySet()) {
            Batch batch = entry.getKey();
            List<PendingEvent> sent = new ArrayList<>();
            for (int i = 0; i < entry.getValue().size(); i++) {
                try {
                    entry.getValue().get(i).get();
                    sent.add(batch.events().get(i));
                    remember(batch.events().get(i).id());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (Exception e) {
                    failure = e;
                    break; // later events of this aggregate stay unmarked, to be resent in order
                }
            }
            if (!sent.isEmpty()) {
                sentByCollection.computeIfAbsent(batch.collection(), c -> new ArrayList<>())
                        .add(new Batch(batch.collection(), batch.id(), sent));
                count += sent.size();
            }
        }
        if (failure != null) {
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, failure);
            log.warn("outbox publish failed for some events; they stay pending: {}", failure.toString());
        } else {
            breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
        markSent(sentByCollection);
        published.increment(count);
    }

    /** Ids of events the broker acknowledged lately (only the relay's own thread touches this). */
    private void remember(String id) {
        if (recentlySent.add(id) && recentlySent.size() > RECENT) {
            java.util.Iterator<String> oldest = recentlySent.iterator();
            oldest.next();
            oldest.remove();
        }
    }

    private void markSent(Map<String, List<Batch>> sentByCollection) {
        for (Map.Entry<String, List<Batch>> entry : sentByCollection.entrySet()) {
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, entry.getKey());
            for (Batch batch : entry.getValue()) {
                List<String> ids = batch.events().stream().map(PendingEvent::id).toList();
                bulk.updateOne(new Query(Criteria.where("_id").is(batch.id())),
                        new Update().pull(PendingEvent.FIELD, new Document("id", new Document("$in", ids))));
            }
            bulk.execute();
        }
    }

    /** For operators and tests: the number of events still waiting in the known collections. */
    public long pendingCount() {
        long n = 0;
        for (String collection : collections) {
            Query query = new Query(Criteria.where(PendingEvent.FIELD + ".0").exists(true));
            query.fields().include(PendingEvent.FIELD);
            for (Document doc : mongo.find(query, Document.class, collection)) {
                n += doc.getList(PendingEvent.FIELD, Document.class).size();
            }
        }
        return n;
    }

}
