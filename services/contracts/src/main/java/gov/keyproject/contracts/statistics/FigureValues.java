package gov.keyproject.contracts.statistics;

import java.math.BigDecimal;

/**
 * The figures of a project or a unit for one period (万元; rates as exact decimals, null when the denominator is 0):
 * what assessment needs to colour and rank without asking anyone.
 */
public record FigureValues(
        int projectsCounted,
        BigDecimal planned,
        BigDecimal monthCompleted,
        BigDecimal ytdCompleted,
        BigDecimal completionRate,
        BigDecimal timeProgress,
        BigDecimal lag,
        BigDecimal ytdEntered,
        long startedNew,
        long newDueOrStarted,
        long resumedContinued,
        long continued,
        long completed,
        long completionDueOrCompleted) {
}
