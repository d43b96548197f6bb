package gov.keyproject.platform.store;

import gov.keyproject.platform.web.ProblemResponses;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.DispatcherServlet;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The {@code store} circuit breaker around the HTTP API. While it is open every request is answered 503 at once,
 * so request threads do not pile up behind a store that answers nothing (each would otherwise wait out the driver's
 * timeouts). A request counts as a failure only when its handling failed because the store was unreachable; every
 * other outcome, 4xx included, is a success: those say nothing about the store.
 */
public final class StoreBreakerFilter extends OncePerRequestFilter {

    public static final String STATE_GAUGE = "keyproject.store.breaker.state";
    public static final String TRANSITIONS = "keyproject.store.breaker.transitions";
    private static final Logger log = LoggerFactory.getLogger(StoreBreakerFilter.class);

    private final CircuitBreaker breaker;
    private final Map<CircuitBreaker.State, Counter> transitions = new EnumMap<>(CircuitBreaker.State.class);
    private volatile long openedAtNanos = System.nanoTime();

    public StoreBreakerFilter(CircuitBreaker breaker, MeterRegistry meters) {
        this.breaker = breaker;
        Gauge.builder(STATE_GAUGE, breaker, b -> stateValue(b.getState()))
                .description("store circuit breaker: 0 closed, 1 open, 2 half-open").strongReference(true)
                .register(meters);
        for (CircuitBreaker.State state : CircuitBreaker.State.values()) {
            // Registered up front so the series exist (at 0) before the first transition, for alert rules.
            transitions.put(state, Counter.builder(TRANSITIONS).tag("to", state.name())
                    .description("store circuit breaker state transitions").register(meters));
        }
        breaker.getEventPublisher().onStateTransition(event -> {
            CircuitBreaker.State to = event.getStateTransition().getToState();
            if (to == CircuitBreaker.State.OPEN || to == CircuitBreaker.State.FORCED_OPEN) {
                openedAtNanos = System.nanoTime();
            }
            transitions.get(to).increment();
            log.warn("store circuit breaker {}", event.getStateTransition());
        });
    }

    static double stateValue(CircuitBreaker.State state) {
        switch (state) {
            case OPEN:
            case FORCED_OPEN:
                return 1;
            case HALF_OPEN:
                return 2;
            default:
                return 0;
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!breaker.tryAcquirePermission()) {
            long seconds = secondsUntilHalfOpen();
            ProblemResponses.writeRetryLater(response, HttpStatus.SERVICE_UNAVAILABLE, "服务暂不可用",
                    "数据存储暂不可用（熔断保护中，未访问数据存储），请在 " + seconds + " 秒后重试",
                    request.getRequestURI(), seconds);
            return;
        }
        long start = breaker.getCurrentTimestamp();
        Throwable thrown = null;
        try {
            chain.doFilter(request, response);
        } catch (Throwable e) {
            thrown = e;
            throw e;
        } finally {
            long elapsed = breaker.getCurrentTimestamp() - start;
            // An exception handled by an @ExceptionHandler (the 503 of ProblemDetailsAdvice) does not reach this
            // filter; the DispatcherServlet leaves it in this attribute.
            Object handled = request.getAttribute(DispatcherServlet.EXCEPTION_ATTRIBUTE);
            Throwable failure = thrown != null ? thrown : handled instanceof Throwable ? (Throwable) handled : null;
            if (failure != null && StoreFailures.isStoreUnreachable(failure)) {
                breaker.onError(elapsed, breaker.getTimestampUnit(), failure);
            } else {
                breaker.onSuccess(elapsed, breaker.getTimestampUnit());
            }
        }
    }

    /** Whole seconds until the breaker lets trial calls through again; at least 1. */
    private long secondsUntilHalfOpen() {
        if (breaker.getState() == CircuitBreaker.State.HALF_OPEN) {
            return 1; // the trial calls are under way
        }
        long waitMillis = breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1);
        long leftMillis = waitMillis - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - openedAtNanos);
        return Math.max(1, (leftMillis + 999) / 1000);
    }
}
