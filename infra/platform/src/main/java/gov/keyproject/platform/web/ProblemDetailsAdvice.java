package gov.keyproject.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every error as {@code application/problem+json} (RFC 9457), with field-by-field reasons for bad input.
 * Titles are in Chinese for the people who read them; the detail names the field.
 */
@RestControllerAdvice
// Last in line: a service's own advice for its domain exceptions comes first.
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.LOWEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    static final String BAD_REQUEST_TITLE = "请求参数不合法";

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<Object> apiProblem(ApiProblem e, HttpServletRequest request) {
        ProblemDetail pd = e.toProblemDetail();
        if (e.status() == HttpStatus.NOT_FOUND
                && (pd.getProperties() == null || !pd.getProperties().containsKey("errors"))) {
            String field = pathVariableIn(request, e.getMessage());
            if (field != null) {
                pd.setProperty("errors", List.of(new ApiProblem.FieldError(field, e.getMessage())));
            }
        }
        return problem(pd);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException e) {
        List<ApiProblem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new ApiProblem.FieldError(leaf(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return problem(badRequest(errors));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
        return problem(badRequest(List.of(new ApiProblem.FieldError(e.getName(), "格式不正确: " + e.getValue()))));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> concurrentChange(OptimisticLockingFailureException e) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "数据已被他人修改，请刷新后重试");
        pd.setTitle("并发修改冲突");
        return problem(pd);
    }

    // The driver's own exceptions too: code that bypasses Spring's translation surfaces them unwrapped.
    @ExceptionHandler({DataAccessResourceFailureException.class, com.mongodb.MongoTimeoutException.class,
            com.mongodb.MongoSocketException.class})
    ResponseEntity<Object> storeUnavailable(RuntimeException e) {
        log.warn("store unavailable: {}", e.toString());
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, "数据存储暂不可用，请稍后重试");
        pd.setTitle("服务暂不可用");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
    }

    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    ResponseEntity<Object> accessDenied(org.springframework.security.access.AccessDeniedException e) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "当前令牌的角色不允许此操作");
        pd.setTitle("无权操作");
        return problem(pd);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        if (gov.keyproject.platform.store.StoreFailures.isStoreUnreachable(e)) {
            return storeUnavailable(e instanceof RuntimeException r ? r : new IllegalStateException(e));
        }
        log.error("unexpected error", e);
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "服务器内部错误");
        pd.setTitle("服务器内部错误");
        return problem(pd);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(badRequest(fieldErrors(e)));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<ApiProblem.FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> new ApiProblem.FieldError(
                        r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .toList();
        return problem(badRequest(errors));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(badRequest(List.of(new ApiProblem.FieldError(e.getParameterName(), "不能为空"))));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(badRequest(List.of(new ApiProblem.FieldError(e.getRequestPartName(), "不能为空"))));
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String reason = "上传内容过大" + (e.getMaxUploadSize() > 0 ? "，上限 " + e.getMaxUploadSize() + " 字节" : "");
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, "body: " + reason);
        pd.setTitle("请求体过大");
        pd.setProperty("errors", List.of(new ApiProblem.FieldError("body", reason)));
        return problem(pd);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = "body";
        String reason = "请求体不是合法的 JSON";
        if (e.getCause() instanceof JacksonException je) {
            String path = je.getPath().stream()
                    .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            if (!path.isEmpty()) {
                field = path;
                reason = "类型或格式不正确";
            }
            if (je.getCause() instanceof IllegalArgumentException iae && iae.getMessage() != null) {
                reason = iae.getMessage();
            }
        }
        return problem(badRequest(List.of(new ApiProblem.FieldError(field, reason))));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, status, request);
        if (response != null && response.getBody() instanceof ProblemDetail pd) {
            return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
        }
        return response;
    }

    static List<ApiProblem.FieldError> fieldErrors(BindException e) {
        return e.getFieldErrors().stream()
                .map(f -> new ApiProblem.FieldError(f.getField(), f.getDefaultMessage()))
                .toList();
    }

    private static ProblemDetail badRequest(List<ApiProblem.FieldError> errors) {
        String detail = errors.stream().map(f -> f.field() + ": " + f.reason()).collect(Collectors.joining("; "));
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        pd.setTitle(BAD_REQUEST_TITLE);
        pd.setProperty("errors", errors);
        return pd;
    }

    /**
     * The path variable a not-found detail is about ("项目 P-1 不存在" on /projects/{code} names "code"), so that an
     * unknown code in the path is named like any other bad field.
     */
    private static String pathVariableIn(HttpServletRequest request, String detail) {
        if (detail == null || !(request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE)
                instanceof Map<?, ?> variables)) {
            return null;
        }
        List<String> words = Arrays.asList(detail.split("\\s+"));
        return variables.entrySet().stream().filter(v -> words.contains(String.valueOf(v.getValue())))
                .map(v -> String.valueOf(v.getKey())).findFirst().orElse(null);
    }

    private static String leaf(String path) {
        int dot = path.indexOf('.');
        return dot >= 0 ? path.substring(dot + 1) : path;
    }

    private static ResponseEntity<Object> problem(ProblemDetail pd) {
        return ResponseEntity.status(pd.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
    }
}
