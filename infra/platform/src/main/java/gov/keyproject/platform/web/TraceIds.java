package gov.keyproject.platform.web;

/** The trace id of a W3C {@code traceparent}, as the log lines show it. */
public final class TraceIds {

    /** The MDC key the log pattern prints (keyproject-defaults.yml). */
    public static final String MDC_KEY = "traceId";

    private TraceIds() {
    }

    /** {@code 00-<trace id>-<span id>-<flags>} → the trace id, or null if it is not one. */
    public static String of(String traceparent) {
        if (traceparent == null || traceparent.length() < 35 || !traceparent.startsWith("00-")) {
            return null;
        }
        return traceparent.substring(3, 35);
    }
}
