package gov.keyproject.contracts.assessment;

/**
 * One rule that fired for a project: its code (e.g. {@code NOT_STARTED}), the level it raises the colour to, and
 * the explanation an official reads (zh-CN, with the figures that made it fire).
 */
public record WarningReason(String code, WarningColour level, String text) {
}
