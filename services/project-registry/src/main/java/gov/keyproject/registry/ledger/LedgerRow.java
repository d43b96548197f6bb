package gov.keyproject.registry.ledger;

import gov.keyproject.contracts.project.ProjectPhase;
import gov.keyproject.registry.project.ProjectData;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * One data row of an uploaded ledger with its cells converted. {@code file} holds the row's 台账 fields (its
 * yearly plans are in {@code plans}, a blank cell as null); {@code columns} are the columns the file has.
 * {@code errors} lists the cells that could not be read; such a row is rejected without touching the registry.
 */
record LedgerRow(int number, String code, ProjectData file, Map<String, BigDecimal> plans, ProjectPhase phase,
                 LocalDate startDate, Set<LedgerColumn> columns, List<CellError> errors) {

    record CellError(String column, String reason) {
    }

    /**
     * The data to register ({@code current} null) or to store on an existing project: the file speaks for the
     * columns and plan years it has; anything else (coordinates, other years' plans) stays as it is.
     */
    ProjectData data(ProjectData current) {
        Map<String, BigDecimal> planned = new TreeMap<>();
        if (current != null && current.plannedInvestment() != null) {
            planned.putAll(current.plannedInvestment());
        }
        plans.forEach((year, amount) -> {
            if (amount == null) {
                planned.remove(year);
            } else {
                planned.put(year, amount);
            }
        });
        return new ProjectData(
                pick(LedgerColumn.NAME, current, ProjectData::name),
                pick(LedgerColumn.CATEGORY, current, ProjectData::category),
                pick(LedgerColumn.LEVEL, current, ProjectData::level),
                pick(LedgerColumn.CONSTRUCTION_TYPE, current, ProjectData::constructionType),
                pick(LedgerColumn.TOTAL_INVESTMENT, current, ProjectData::totalInvestment),
                planned,
                pick(LedgerColumn.PLANNED_START, current, ProjectData::plannedStart),
                pick(LedgerColumn.PLANNED_COMPLETION, current, ProjectData::plannedCompletion),
                pick(LedgerColumn.TOWNSHIP, current, ProjectData::township),
                current == null ? null : current.latitude(),
                current == null ? null : current.longitude(),
                pick(LedgerColumn.UNIT, current, ProjectData::unitCode),
                pick(LedgerColumn.LINKED_LEADER, current, ProjectData::linkedLeader),
                pick(LedgerColumn.OWNER, current, ProjectData::owner));
    }

    private <T> T pick(LedgerColumn column, ProjectData current, Function<ProjectData, T> field) {
        return current == null || columns.contains(column) ? field.apply(file) : field.apply(current);
    }
}
