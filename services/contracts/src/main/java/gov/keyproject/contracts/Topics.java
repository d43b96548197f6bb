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
    /** The statistics bureau's feed of entered investment (投资入库), keyed by project code. */
    public static final String STATISTICS_FEED = "statistics.feed.v1";
    /** Project and unit figures, keyed by project code or unit code. */
    public static final String STATISTICS_FIGURE_EVENTS = "statistics.figure-events.v1";
    /** Entered amounts (投资入库) as the statistics service recorded them, keyed by "code|period". */
    public static final String STATISTICS_ENTRY_EVENTS = "statistics.entry-events.v1";
    /** Period close (月度关账) and amendments of closed periods, keyed by period. */
    public static final String STATISTICS_PERIOD_EVENTS = "statistics.period-events.v1";
    /** 招商 deal events, keyed by deal id. */
    public static final String PROMOTION_DEAL_EVENTS = "promotion.deal-events.v1";

    /** Warning colours and supervision notices (三色督办单), keyed by project code. */
    public static final String ASSESSMENT_SUPERVISION_EVENTS = "assessment.supervision-events.v1";
    /** Rankings (红黑榜) and monthly bulletins (月度通报), keyed by period. */
    public static final String ASSESSMENT_RANKING_EVENTS = "assessment.ranking-events.v1";

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
