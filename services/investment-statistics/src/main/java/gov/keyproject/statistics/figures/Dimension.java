package gov.keyproject.statistics.figures;

/** How projects are grouped for the figures (分组口径); each project falls in exactly one group per dimension. */
public enum Dimension {
    /** 责任单位, keyed by unit code. */
    UNIT,
    /** 乡镇/街道, keyed by township; projects without one are keyed "" (the township is optional in the registry). */
    TOWNSHIP,
    /** 项目类别, keyed by {@code ProjectCategory.name()}. */
    CATEGORY,
    /** 项目级别, keyed by {@code ProjectLevel.name()}. */
    LEVEL,
    /** The whole county (or city, province): 全县合计, one group keyed "". */
    TOTAL;

    /** The key of the group {@code project} belongs to in this dimension. */
    public String keyOf(ProjectFacts project) {
        return switch (this) {
            case UNIT -> project.unitCode();
            case TOWNSHIP -> project.township() == null ? "" : project.township();
            case CATEGORY -> project.category().name();
            case LEVEL -> project.level().name();
            case TOTAL -> "";
        };
    }
}
