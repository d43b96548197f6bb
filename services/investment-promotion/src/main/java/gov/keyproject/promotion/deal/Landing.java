package gov.keyproject.promotion.deal;

import gov.keyproject.contracts.project.ProjectCategory;

import java.time.LocalDate;

/**
 * What landing (落地) a deal needs: the date, and for the registry project it becomes: its filing code (optional;
 * derived as {@code ZS-<dealId>} when not known), name (optional; derived from company and industry), category
 * (optional; 产业 by default) and planned dates (optional).
 */
public record Landing(LocalDate landedOn, String projectCode, String projectName, ProjectCategory category,
                      LocalDate plannedStart, LocalDate plannedCompletion) {

    public static Landing on(LocalDate landedOn, String projectCode) {
        return new Landing(landedOn, projectCode, null, null, null, null);
    }
}
