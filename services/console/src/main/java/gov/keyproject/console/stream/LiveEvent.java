package gov.keyproject.console.stream;

import java.time.Instant;

/**
 * One record as the live stream (实时事件流) shows it: where it sits in Kafka, what it is and whom it concerns.
 *
 * @param type    the event's short type (ProgressReported), or "无法解析" for a record that is not an event
 * @param unit    the unit it concerns, where the event names one
 * @param project the project it concerns, where the event names one
 * @param summary a one-line digest of the event's data
 * @param json    the whole record as it is on the topic
 */
public record LiveEvent(long seq, String topic, int partition, long offset, String key, String type, String unit,
                        String project, Instant time, String traceparent, String summary, String json) {

    /** Whether the event passes a filter; empty filter parts match everything. */
    public boolean matches(String typeFilter, String unitFilter, String projectFilter) {
        return (blank(typeFilter) || typeFilter.equalsIgnoreCase(type) || topic.equals(typeFilter))
                && (blank(unitFilter) || unitFilter.equalsIgnoreCase(unit))
                && (blank(projectFilter) || projectFilter.equalsIgnoreCase(project));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
