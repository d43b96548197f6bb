package gov.keyproject.platform.consumer;

import gov.keyproject.contracts.EventCodec;
import gov.keyproject.contracts.EventEnvelope;
import gov.keyproject.platform.outbox.EventContext;
import gov.keyproject.platform.store.StoreFailures;
import gov.keyproject.platform.web.TraceIds;
import org.slf4j.MDC;
import org.springframework.messaging.Message;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Adapts Spring Cloud Stream messages to envelopes. Failures propagate to the binder's retry and DLQ, except a store
 * outage: the same envelope is retried in place until the store answers again (bounded, see
 * {@link #waitForStoreUpTo}), because dead-lettering every event of an outage would leave read models behind.
 */
public final class EventMessages {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(EventMessages.class);
    private static final long FIRST_PAUSE_MILLIS = 200;
    private static final long MAX_PAUSE_MILLIS = 2_000;
    /** Store failures further apart than this belong to different outages (the consumer went back to polling). */
    private static final long OUTAGE_GAP_NANOS = TimeUnit.SECONDS.toNanos(30);

    private static volatile Duration storeMaxWait = Duration.ofMinutes(4);
    private static final AtomicLong storeRetries = new AtomicLong();
    /**
     * The outage the current consumer thread is waiting out. Its budget spans the binder's retries of the envelope
     * and the next records of the same poll, so together they stay below Kafka's max.poll.interval.ms.
     */
    private static final ThreadLocal<long[]> outage = new ThreadLocal<>();

    private EventMessages() {
    }

    /**
     * How long a consumer thread retries while the store is unreachable before letting the failure go to the
     * binder's retries and DLQ. The platform sets it from {@code keyproject.store.consumer-max-wait} at start-up;
     * it is static because services build their consumers with the static {@link #consumer}.
     */
    public static void waitForStoreUpTo(Duration maxWait) {
        storeMaxWait = Objects.requireNonNull(maxWait);
    }

    public static Duration storeMaxWait() {
        return storeMaxWait;
    }

    /** Retries so far of handlers that failed because the store was unreachable (this JVM). */
    public static long storeRetries() {
        return storeRetries.get();
    }

    public static EventEnvelope decode(Message<byte[]> message) {
        return EventCodec.decode(message.getPayload());
    }

    /**
     * A binder consumer that decodes each record and hands it to {@code handler} with the event's trace context,
     * so events the handler causes carry the same trace. Handlers must be idempotent: a store outage makes the
     * same envelope be handled again. Any other exception is not caught here.
     */
    public static Consumer<Message<byte[]>> consumer(Consumer<EventEnvelope> handler) {
        return message -> {
            EventEnvelope envelope = decode(message);
            String traceId = TraceIds.of(envelope.traceparent());
            if (traceId != null) {
                MDC.put(TraceIds.MDC_KEY, traceId);
            }
            try {
                handleWaitingOutStore(envelope, handler);
                log.debug("handled {} {} #{}", envelope.type(), envelope.subject(), envelope.sequence());
            } finally {
                MDC.remove(TraceIds.MDC_KEY);
            }
        };
    }

    private static void handleWaitingOutStore(EventEnvelope envelope, Consumer<EventEnvelope> handler) {
        long pause = FIRST_PAUSE_MILLIS;
        while (true) {
            try {
                new EventContext(envelope.traceparent(), envelope.acceptedat()).run(() -> {
                    handler.accept(envelope);
                    return null;
                });
                outage.remove();
                return;
            } catch (RuntimeException e) {
                if (!StoreFailures.isStoreUnreachable(e)) {
                    throw e;
                }
                long now = System.nanoTime();
                long[] current = outage.get(); // {since, last failure}
                if (current == null || now - current[1] > OUTAGE_GAP_NANOS) {
                    current = new long[] {now, now};
                    outage.set(current);
                }
                current[1] = now;
                long leftMillis = storeMaxWait.toMillis() - TimeUnit.NANOSECONDS.toMillis(now - current[0]);
                if (leftMillis <= 0) {
                    log.warn("store unreachable for {} s; {} {} #{} goes to the binder's retries: {}",
                            TimeUnit.NANOSECONDS.toSeconds(now - current[0]), envelope.type(), envelope.subject(),
                            envelope.sequence(), e.toString());
                    throw e;
                }
                long sleep = Math.min(pause, leftMillis);
                log.warn("store unreachable handling {} {} #{}; retrying in {} ms: {}", envelope.type(),
                        envelope.subject(), envelope.sequence(), sleep, e.toString());
                storeRetries.incrementAndGet();
                try {
                    Thread.sleep(sleep);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt(); // shutting down: leave the record to the binder
                    e.addSuppressed(interrupted);
                    throw e;
                }
                pause = Math.min(pause * 2, MAX_PAUSE_MILLIS);
            }
        }
    }
}
