package gov.keyproject.platform.trail;

import java.time.Instant;
import java.util.Map;

/**
 * One step of an aggregate's trail (痕迹管理): who did what, when, and which fields changed from what to what.
 * Kept inside the aggregate's document, written in the same atomic update as the change itself.
 */
public record TrailEntry(Instant at, String actor, String action, Map<String, Change> changes) {

    public record Change(Object from, Object to) {
    }
}
