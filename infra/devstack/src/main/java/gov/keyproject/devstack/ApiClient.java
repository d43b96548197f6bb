package gov.keyproject.devstack;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A small HTTP client for tests and the local stack: JSON in, status + headers + JSON out, bearer token optional.
 * Like a well-behaved unit system it honours a 429's Retry-After and tries again (up to 30 times);
 * {@link #noRetry()} gives the raw answers, for tests of the rate limit itself.
 */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_RETRIES = 30;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final boolean retryWhenLimited;

    public ApiClient(String baseUrl) {
        this(baseUrl, true);
    }

    private ApiClient(String baseUrl, boolean retryWhenLimited) {
        this.baseUrl = baseUrl;
        this.retryWhenLimited = retryWhenLimited;
    }

    /** The same client without the retry on 429: every answer as the service gave it. */
    public ApiClient noRetry() {
        return new ApiClient(baseUrl, false);
    }

    public record Response(int status, java.net.http.HttpHeaders headers, String body) {
        public JsonNode json() {
            return body == null || body.isEmpty() ? JSON.missingNode() : JSON.readTree(body);
        }

        public String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }
    }

    /** A response read as bytes (exports, photos). */
    public record Download(int status, java.net.http.HttpHeaders headers, byte[] body) {
    }

    public Download download(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<byte[]> r = http.send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Download(r.statusCode(), r.headers(), r.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response get(String path, String token) {
        return send("GET", path, token, null, null);
    }

    public Response post(String path, String token, Object body) {
        return send("POST", path, token, body, "application/json");
    }

    public Response put(String path, String token, Object body) {
        return send("PUT", path, token, body, "application/json");
    }

    /** Sends {@code body}: a String is sent as is (for malformed-input tests), anything else as JSON. */
    public Response send(String method, String path, String token, Object body, String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        byte[] bytes = body == null ? null
                : body instanceof String s ? s.getBytes(StandardCharsets.UTF_8)
                : body instanceof byte[] raw ? raw : JSON.writeValueAsBytes(body);
        b.method(method, bytes == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(bytes));
        try {
            HttpRequest request = b.build();
            for (int attempt = 0; ; attempt++) {
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (r.statusCode() != 429 || !retryWhenLimited || attempt >= MAX_RETRIES) {
                    return new Response(r.statusCode(), r.headers(), r.body());
                }
                long seconds = r.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
                Thread.sleep(Math.min(5, Math.max(1, seconds)) * 1000L); // the service said when to come back
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
