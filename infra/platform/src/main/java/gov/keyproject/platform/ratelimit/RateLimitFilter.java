package gov.keyproject.platform.ratelimit;

import gov.keyproject.platform.web.ProblemResponses;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Per-client rate limit of the HTTP API: a token bucket per JWT subject (the remote address for a request without
 * one). Registered after Spring Security's filter chain, so the subject is already known; a request over the limit
 * is answered 429 and goes no further.
 */
public final class RateLimitFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

    private final TokenBuckets buckets;
    private final double requestsPerSecond;
    private final int burst;
    private final Counter limited;

    public RateLimitFilter(double requestsPerSecond, int burst, MeterRegistry meters) {
        this(requestsPerSecond, burst, meters, System::nanoTime);
    }

    RateLimitFilter(double requestsPerSecond, int burst, MeterRegistry meters, LongSupplier nanoClock) {
        this.buckets = new TokenBuckets(requestsPerSecond, burst, nanoClock);
        this.requestsPerSecond = requestsPerSecond;
        this.burst = burst;
        this.limited = Counter.builder("keyproject.rate.limited").description("API requests refused with 429")
                .register(meters);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String client = client(request);
        long waitNanos = buckets.tryTake(client);
        if (waitNanos == 0) {
            chain.doFilter(request, response);
            return;
        }
        limited.increment();
        long seconds = Math.max(1, (TimeUnit.NANOSECONDS.toMillis(waitNanos) + 999) / 1000);
        log.debug("rate limit: {} refused {} {}", client, request.getMethod(), request.getRequestURI());
        ProblemResponses.writeRetryLater(response, HttpStatus.TOO_MANY_REQUESTS, "请求过于频繁",
                "每个调用方每秒最多 " + rate() + " 次请求（短时突发最多 " + burst + " 次），请在 " + seconds + " 秒后重试",
                request.getRequestURI(), seconds);
    }

    private String rate() {
        return requestsPerSecond == Math.rint(requestsPerSecond) ? Long.toString((long) requestsPerSecond)
                : Double.toString(requestsPerSecond);
    }

    private static String client(HttpServletRequest request) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
            return "sub:" + auth.getName();
        }
        return "addr:" + request.getRemoteAddr();
    }
}
