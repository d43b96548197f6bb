package gov.keyproject.platform.outbox;

import java.time.Instant;

/**
 * Request-scoped facts that every event of one change carries: the trace it belongs to and when the originating
 * request was accepted (for the report-to-ranking latency figures).
 */
public record EventContext(String traceparent, Instant acceptedAt) {

    private static final ThreadLocal<EventContext> CURRENT = new ThreadLocal<>();

    public static EventContext current() {
        EventContext c = CURRENT.get();
        return c != null ? c : new EventContext(null, null);
    }

    /** Runs work with this context as the current one (consumers pass on the context of the event they handle). */
    public <T> T run(java.util.function.Supplier<T> work) {
        EventContext previous = CURRENT.get();
        CURRENT.set(this);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }
}
