package gov.keyproject.platform.web;

import gov.keyproject.platform.outbox.EventContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Every request runs in a trace (W3C trace context): the caller's {@code traceparent} if it sends a valid one,
 * otherwise a new one. The trace id goes into the log lines ({@code traceId} in the MDC) and, through
 * {@link EventContext}, into every event the request causes, so one report can be followed across Kafka into every
 * service's logs. The moment the request was accepted travels with the events too, for the report-to-ranking timer.
 */
public final class TraceContextFilter extends OncePerRequestFilter {

    public static final String HEADER = "traceparent";
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TraceContextFilter.class);
    private static final Pattern VALID = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String incoming = request.getHeader(HEADER);
        String traceId = incoming != null && VALID.matcher(incoming).matches() ? incoming.substring(3, 35)
                : hex(16);
        String traceparent = "00-" + traceId + "-" + hex(8) + "-01";
        response.setHeader(HEADER, traceparent);
        MDC.put(TraceIds.MDC_KEY, traceId);
        try {
            new EventContext(traceparent, Instant.now()).run(() -> {
                try {
                    chain.doFilter(request, response);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (ServletException e) {
                    throw new WrappedServletException(e);
                }
                return null;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (WrappedServletException e) {
            throw (ServletException) e.getCause();
        } finally {
            log.debug("{} {} -> {}", request.getMethod(), request.getRequestURI(), response.getStatus());
            MDC.remove(TraceIds.MDC_KEY);
        }
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static final class WrappedServletException extends RuntimeException {
        WrappedServletException(ServletException cause) {
            super(cause);
        }
    }
}
