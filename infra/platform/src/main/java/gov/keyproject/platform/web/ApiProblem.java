package gov.keyproject.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem raised by a service's web layer. Titles are user-facing (zh-CN); {@code errors} names each
 * offending field with its reason.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final List<FieldError> errors;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public record FieldError(String field, String reason) {
    }

    public ApiProblem(HttpStatus status, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static ApiProblem badRequest(String field, String reason) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "请求参数不合法", field + ": " + reason,
                List.of(new FieldError(field, reason)));
    }

    public static ApiProblem notFound(String what, String id) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "资源不存在", what + " " + id + " 不存在", List.of());
    }

    public static ApiProblem conflict(String title, String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, title, detail, List.of());
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, "无权操作", detail, List.of());
    }

    public ApiProblem with(String property, Object value) {
        properties.put(property, value);
        return this;
    }

    public ProblemDetail toProblemDetail() {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, getMessage());
        pd.setTitle(title);
        if (!errors.isEmpty()) {
            pd.setProperty("errors", errors);
        }
        properties.forEach(pd::setProperty);
        return pd;
    }

    public HttpStatus status() {
        return status;
    }
}
