package gov.keyproject.console.deadletter;

import java.time.Instant;

/**
 * A record a consumer could not process (死信), as it lies on its dead-letter topic.
 *
 * @param id            {@code dlqTopic:partition:offset}, stable across console restarts
 * @param originalTopic where it came from, and where a re-send puts it back
 * @param group         the consumer group that failed on it
 * @param resentAt      when an operator sent it back, or null
 */
public record DeadLetter(String id, String dlqTopic, int partition, long offset, String originalTopic, String group,
                         String key, String type, String exceptionClass, String exceptionMessage, Instant at,
                         String json, Instant resentAt, String resentBy) {

    DeadLetter resent(Instant when, String by) {
        return new DeadLetter(id, dlqTopic, partition, offset, originalTopic, group, key, type, exceptionClass,
                exceptionMessage, at, json, when, by);
    }
}
