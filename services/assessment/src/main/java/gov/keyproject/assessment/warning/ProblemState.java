package gov.keyproject.assessment.warning;

import java.time.LocalDate;

/** A problem (问题) of the project: its handling deadline once handed to a department, and whether it is resolved. */
public record ProblemState(String problemId, String description, LocalDate deadline, boolean resolved) {
}
