package gov.keyproject.platform.security;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** 401 and 403 as problem details, like every other error. */
final class ProblemSecurityHandlers {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemSecurityHandlers() {
    }

    static AuthenticationEntryPoint unauthorized() {
        return (request, response, e) -> write(response, HttpStatus.UNAUTHORIZED, "未认证",
                "缺少或无效的访问令牌 (Bearer token): " + message(e), request.getRequestURI(), true);
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, e) -> write(response, HttpStatus.FORBIDDEN, "无权操作",
                "当前令牌的角色不允许此操作", request.getRequestURI(), false);
    }

    private static String message(AuthenticationException e) {
        return e.getMessage() == null ? "" : e.getMessage();
    }

    private static void write(HttpServletResponse response, HttpStatus status, String title, String detail,
                              String instance, boolean challenge) throws IOException {
        Map<String, Object> pd = new LinkedHashMap<>();
        pd.put("type", "about:blank");
        pd.put("title", title);
        pd.put("status", status.value());
        pd.put("detail", detail);
        pd.put("instance", instance);
        response.setStatus(status.value());
        if (challenge) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(pd));
    }

}
