package gov.keyproject.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * @param brokers        Kafka bootstrap servers of the outbox relay (the binder's brokers by default)
 * @param outbox         outbox relay settings
 * @param zone           the time zone of "today" for every time-based rule
 */
@ConfigurationProperties("keyproject")
public record PlatformProperties(String brokers, Outbox outbox, String zone) {

    public PlatformProperties {
        if (outbox == null) {
            outbox = new Outbox(null, null, null, null);
        }
        if (zone == null) {
            zone = "Asia/Shanghai";
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
}
