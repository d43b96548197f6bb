package gov.keyproject.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Problem details written by servlet filters, which answer before Spring MVC and its advice are reached. */
public final class ProblemResponses {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemResponses() {
    }

    /** Writes {@code status} as {@code application/problem+json} with a {@code Retry-After} of whole seconds. */
    public static void writeRetryLater(HttpServletResponse response, HttpStatus status, String title, String detail,
                                       String instance, long retryAfterSeconds) throws IOException {
        Map<String, Object> pd = new LinkedHashMap<>();
        pd.put("type", "about:blank");
        pd.put("title", title);
        pd.put("status", status.value());
        pd.put("detail", detail);
        pd.put("instance", instance);
        response.setStatus(status.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfterSeconds)));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(pd));
    }
}
