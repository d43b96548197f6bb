package gov.keyproject.registry.ledger;

import gov.keyproject.contracts.project.ConstructionType;
import gov.keyproject.contracts.project.ProjectCategory;
import gov.keyproject.contracts.project.ProjectLevel;
import gov.keyproject.contracts.project.ProjectPhase;
import gov.keyproject.registry.project.Phases;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Chinese labels of the ledger's enum columns. A cell may hold the label (what offices type) or the enum name
 * (what other systems export); {@code choices} are the labels offered in the template's drop-down lists.
 */
record LedgerLabels<E extends Enum<E>>(Class<E> type, Map<E, String> labels, List<E> choices) {

    static final LedgerLabels<ProjectCategory> CATEGORY = of(ProjectCategory.class, Map.of(
            ProjectCategory.INDUSTRIAL, "产业", ProjectCategory.URBAN_CONSTRUCTION, "城建",
            ProjectCategory.INFRASTRUCTURE, "基础设施", ProjectCategory.LIVELIHOOD, "民生实事",
            ProjectCategory.TOURISM, "文旅", ProjectCategory.ECOLOGY, "生态", ProjectCategory.SOCIAL, "社会事业"),
            List.of(ProjectCategory.values()));
    static final LedgerLabels<ProjectLevel> LEVEL = of(ProjectLevel.class, Map.of(
            ProjectLevel.PROVINCIAL, "省重点", ProjectLevel.MUNICIPAL, "市重点", ProjectLevel.COUNTY, "县区重点"),
            List.of(ProjectLevel.values()));
    static final LedgerLabels<ConstructionType> CONSTRUCTION_TYPE = of(ConstructionType.class, Map.of(
            ConstructionType.NEW, "新建", ConstructionType.CONTINUED, "续建"), List.of(ConstructionType.values()));
    /** Every phase is recognised (registration then names the ones it refuses); the list offers the initial ones. */
    static final LedgerLabels<ProjectPhase> PHASE = of(ProjectPhase.class, phaseLabels(), List.of(
            ProjectPhase.RESERVE, ProjectPhase.PREPARATION, ProjectPhase.READY, ProjectPhase.UNDER_CONSTRUCTION,
            ProjectPhase.COMPLETED, ProjectPhase.IN_PRODUCTION));

    private static <E extends Enum<E>> LedgerLabels<E> of(Class<E> type, Map<E, String> labels, List<E> choices) {
        return new LedgerLabels<>(type, new EnumMap<>(labels), choices);
    }

    private static Map<ProjectPhase, String> phaseLabels() {
        Map<ProjectPhase, String> m = new EnumMap<>(ProjectPhase.class);
        Arrays.stream(ProjectPhase.values()).forEach(p -> m.put(p, Phases.label(p)));
        return m;
    }

    String label(E value) {
        return labels.get(value);
    }

    /** The labels offered in the template, in order. */
    String[] choiceLabels() {
        return choices.stream().map(labels::get).toArray(String[]::new);
    }

    Optional<E> parse(String text) {
        String t = text.strip();
        for (Map.Entry<E, String> e : labels.entrySet()) {
            if (e.getValue().equals(t)) {
                return Optional.of(e.getKey());
            }
        }
        String name = t.toUpperCase(Locale.ROOT);
        return Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(name)).findFirst();
    }
}
