package gov.keyproject.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * @param brokers        Kafka bootstrap servers of the outbox relay (the binder's brokers by default)
 * @param outbox         outbox relay settings
 * @param zone           the time zone of "today" for every time-based rule
 * @param store          bounds on waiting for the data store
 * @param rateLimit      per-client request rate limit of the HTTP API
 */
@ConfigurationProperties("keyproject")
public record PlatformProperties(String brokers, Outbox outbox, String zone, Store store, RateLimit rateLimit) {

    public PlatformProperties {
        if (outbox == null) {
            outbox = new Outbox(null, null, null, null);
        }
        if (zone == null) {
            zone = "Asia/Shanghai";
        }
        if (store == null) {
            store = new Store(null, null, null, null);
        }
        if (rateLimit == null) {
            rateLimit = new RateLimit(null, null, null);
        }
    }

    /**
     * @param sweepInterval how often the relay looks for events left in documents
     * @param sweepGrace    how old an event must be before the sweep resends it (the fast path owns younger ones)
     * @param collections   collections that carry outboxes, swept at start-up
     * @param enabled       false only in tests that simulate a crash before the publish
     */
    public record Outbox(Duration sweepInterval, Duration sweepGrace, List<String> collections, Boolean enabled) {
        public Outbox {
            sweepInterval = sweepInterval == null ? Duration.ofSeconds(5) : sweepInterval;
            sweepGrace = sweepGrace == null ? Duration.ofSeconds(5) : sweepGrace;
            collections = collections == null ? List.of() : collections;
            enabled = enabled == null || enabled;
        }
    }

    /**
     * A frozen store (connection open, no bytes flowing) must fail fast rather than hold request threads.
     * Options set in the MongoDB URI itself ({@code connectTimeoutMS}, ...) take precedence over these.
     *
     * @param connectTimeout         TCP connect (and the driver's heartbeat read) timeout
     * @param readTimeout            socket read timeout of an operation
     * @param serverSelectionTimeout how long an operation waits for a usable server
     * @param consumerMaxWait        how long an event consumer retries in place while the store is unreachable
     *                               before the failure goes the binder's way (retries, then DLQ); below Kafka's
     *                               max.poll.interval.ms (5 min) so the consumer is not evicted from its group
     */
    public record Store(Duration connectTimeout, Duration readTimeout, Duration serverSelectionTimeout,
                        Duration consumerMaxWait) {
        public Store {
            connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
            readTimeout = readTimeout == null ? Duration.ofSeconds(5) : readTimeout;
            serverSelectionTimeout = serverSelectionTimeout == null ? Duration.ofSeconds(3) : serverSelectionTimeout;
            consumerMaxWait = consumerMaxWait == null ? Duration.ofMinutes(4) : consumerMaxWait;
        }
    }

    /**
     * @param enabled           false turns the limit off
     * @param requestsPerSecond sustained requests per second of one client (JWT subject, else remote address)
     * @param burst             requests a client may send at once after being idle
     */
    public record RateLimit(Boolean enabled, Double requestsPerSecond, Integer burst) {
        public RateLimit {
            enabled = enabled == null || enabled;
            requestsPerSecond = requestsPerSecond == null ? 50.0 : requestsPerSecond;
            burst = burst == null ? 100 : burst;
            if (requestsPerSecond <= 0 || burst < 1) {
                throw new IllegalArgumentException("keyproject.rate-limit: requests-per-second must be > 0 and burst >= 1");
            }
        }
    }
}
