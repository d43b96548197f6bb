package gov.keyproject.assessment.supervision;

import gov.keyproject.assessment.notice.SupervisionNotice;
import gov.keyproject.assessment.ranking.Contribution;
import gov.keyproject.assessment.warning.ProjectFile;
import gov.keyproject.assessment.warning.Warning;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * Assessment's aggregate for one project: what it knows of the project ({@code file}, null until the registry's
 * snapshot arrives), its warning, its notices, and what it contributes to its unit's tally per period. One document,
 * so a change and the events it causes are one atomic write. {@code formerUnits} are units it once belonged to,
 * whose tallies must no longer count it.
 */
public record ProjectRecord(String code, long version, long eventSeq, long lastSequence, ProjectFile file,
                            Warning warning, List<SupervisionNotice> notices, Map<YearMonth, Contribution> contributions,
                            List<String> formerUnits, Map<YearMonth, Long> enteredSequences) {

    public ProjectRecord {
        notices = List.copyOf(notices);
        contributions = Map.copyOf(contributions);
        formerUnits = List.copyOf(formerUnits);
        enteredSequences = Map.copyOf(enteredSequences);
    }

    /** The feed sequence of the last entered amount applied for the month (0 when none). */
    public long enteredSequence(YearMonth period) {
        return enteredSequences.getOrDefault(period, 0L);
    }

    static ProjectRecord empty(String code) {
        return new ProjectRecord(code, 0, 0, 0, null, Warning.NOT_COLOURED, List.of(), Map.of(), List.of(),
                Map.of());
    }

    ProjectRecord with(ProjectFile file, Warning warning, List<SupervisionNotice> notices,
                       Map<YearMonth, Contribution> contributions, List<String> formerUnits) {
        return new ProjectRecord(code, version, eventSeq, lastSequence, file, warning, notices, contributions,
                formerUnits, enteredSequences);
    }
}
