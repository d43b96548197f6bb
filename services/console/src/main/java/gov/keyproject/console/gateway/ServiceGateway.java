package gov.keyproject.console.gateway;

import gov.keyproject.console.ConsoleSettings;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Calls the four services on the console's behalf (服务网关), each behind its own circuit breaker and a timeout, so a
 * service that is down or slow costs one panel a quick 503, not the page a hang.
 */
@Component
public class ServiceGateway {

    private static final Logger log = LoggerFactory.getLogger(ServiceGateway.class);

    /** Names the console shows when a service cannot be reached. */
    public static final Map<String, String> NAMES = Map.of(
            "registry", "项目库服务", "statistics", "投资统计服务", "promotion", "招商引资服务", "assessment", "考核评价服务");

    private final ConsoleSettings settings;
    private final CircuitBreakerRegistry breakers;
    private final HttpClient http;
    private final Map<String, List<Pattern>> commands = new LinkedHashMap<>();

    public ServiceGateway(ConsoleSettings settings, CircuitBreakerRegistry breakers) {
        this.settings = settings;
        this.breakers = breakers;
        this.http = HttpClient.newBuilder().connectTimeout(settings.callTimeout()).build();
        settings.commands().forEach((service, list) -> commands.put(service,
                list.stream().map(Pattern::compile).toList()));
    }

    /** What came back from a service, passed on as it is (status, type, body). */
    public record Answer(int status, String contentType, byte[] body, String contentDisposition) {
    }

    /** Thrown when the service cannot answer: down, too slow, or its breaker open. */
    public static final class Unavailable extends RuntimeException {
        private final String service;

        Unavailable(String service, String why, Throwable cause) {
            super(why, cause);
            this.service = service;
        }

        public String service() {
            return service;
        }
    }

    public boolean knows(String service) {
        return settings.services().containsKey(service);
    }

    /** Reads are any GET under /api/v1; writes only the operator commands configured for that service. */
    public boolean allows(String service, String method, String path) {
        if (!path.startsWith("/api/v1/") || path.contains("..")) {
            return false;
        }
        if ("GET".equals(method)) {
            return true;
        }
        String line = method + " " + path;
        return commands.getOrDefault(service, List.of()).stream().anyMatch(p -> p.matcher(line).matches());
    }

    public Answer call(String service, String method, String pathAndQuery, byte[] body, String contentType) {
        CircuitBreaker breaker = breakers.circuitBreaker(service);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.services().get(service) + pathAndQuery))
                .timeout(settings.callTimeout())
                .header("Accept", "application/json, application/problem+json, */*")
                .method(method, body == null || body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (settings.token() != null && !settings.token().isBlank()) {
            request.header("Authorization", "Bearer " + settings.token());
        }
        if (contentType != null && body != null && body.length > 0) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<byte[]> response = breaker.executeCheckedSupplier(() -> {
                HttpResponse<byte[]> r = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                if (r.statusCode() >= 500) {
                    // A 5xx counts against the breaker; 4xx answers are the caller's business.
                    throw new ServerError(r);
                }
                return r;
            });
            return answer(response);
        } catch (ServerError e) {
            return answer(e.response);
        } catch (CallNotPermittedException e) {
            throw new Unavailable(service, "circuit open", e);
        } catch (IOException e) {
            log.warn("{} unreachable: {} {}: {}", service, method, pathAndQuery, e.toString());
            throw new Unavailable(service, e.toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable(service, "interrupted", e);
        } catch (Throwable e) {
            throw new Unavailable(service, e.toString(), e);
        }
    }

    private static Answer answer(HttpResponse<byte[]> r) {
        return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse("application/octet-stream"),
                r.body(), r.headers().firstValue("Content-Disposition").orElse(null));
    }

    /** A breaker's state per service, for the header of every page. */
    public Map<String, String> states() {
        Map<String, String> states = new LinkedHashMap<>();
        settings.services().keySet().forEach(s -> states.put(s, breakers.circuitBreaker(s).getState().name()));
        return states;
    }

    private static final class ServerError extends Exception {
        private final transient HttpResponse<byte[]> response;

        ServerError(HttpResponse<byte[]> response) {
            super("HTTP " + response.statusCode());
            this.response = response;
        }
    }
}
