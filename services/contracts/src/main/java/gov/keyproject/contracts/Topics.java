package gov.keyproject.contracts;

/**
 * Topic names: explicit, versioned, never Java class names. Each topic keeps its whole history
 * (no time-based deletion), so read models and past bulletins can be rebuilt by replay.
 * The Kafka key of every record is the aggregate id (unit code, project code, deal id).
 */
public final class Topics {

    /** 责任单位 events, keyed by unit code. */
    public static final String REGISTRY_UNIT_EVENTS = "registry.unit-events.v1";
    /** 项目 events (registration, phases, milestones, reports), keyed by project code. */
    public static final String REGISTRY_PROJECT_EVENTS = "registry.project-events.v1";
    /** 招商 deal events, keyed by deal id. */
    public static final String PROMOTION_DEAL_EVENTS = "promotion.deal-events.v1";

    private Topics() {
    }

    /** Every event topic, for tooling (topic creation, the console's live stream). */
    public static java.util.List<String> all() {
        return java.util.Arrays.stream(EventType.values()).map(EventType::topic).distinct().sorted().toList();
    }

    /** The dead-letter topic of one consumer group on one topic. */
    public static String deadLetter(String topic, String group) {
        return topic + "." + group + ".dlq";
    }
}
