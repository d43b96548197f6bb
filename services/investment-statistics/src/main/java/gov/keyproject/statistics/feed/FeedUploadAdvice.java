package gov.keyproject.statistics.feed;

import gov.keyproject.platform.web.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

import java.util.List;

/**
 * An upload above the multipart limit fails before any controller is chosen, so this advice cannot be scoped to the
 * feed controller: it names the field "file" for feed uploads and "body" elsewhere (as the platform does).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class FeedUploadAdvice {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        String uri = request.getRequestURI();
        String field = uri != null && uri.startsWith("/api/v1/feed/") ? "file" : "body";
        String reason = "上传内容过大" + (e.getMaxUploadSize() > 0 ? "，上限 " + e.getMaxUploadSize() + " 字节" : "")
                + ("file".equals(field) ? "，请拆分为多个文件分批上传" : "");
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, field + ": " + reason);
        pd.setTitle("请求体过大");
        pd.setProperty("errors", List.of(new ApiProblem.FieldError(field, reason)));
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(pd);
    }
}
