package gov.keyproject.console.gateway;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.Map;

/**
 * {@code /console/api/{service}/api/v1/...}: the panels' way to the services. Reads pass through; writes only
 * if they are configured operator commands (period close, notice close/reject, sweeps, lists).
 */
@RestController
public class GatewayController {

    private static final String PREFIX = "/console/api/";

    private final ServiceGateway gateway;

    public GatewayController(ServiceGateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/console/api/services")
    Map<String, String> services() {
        return gateway.states();
    }

    @RequestMapping("/console/api/{service}/api/v1/**")
    ResponseEntity<byte[]> pass(@PathVariable String service, HttpServletRequest request) throws IOException {
        String path = request.getRequestURI().substring(PREFIX.length() + service.length());
        String method = request.getMethod();
        if (!gateway.knows(service)) {
            return problem(HttpStatus.NOT_FOUND, "没有这个服务", "unknown service: " + service, service);
        }
        if (!gateway.allows(service, method, path)) {
            return problem(HttpStatus.FORBIDDEN, "控制台不允许此操作",
                    method + " " + path + " is not an operator command the console sends", service);
        }
        String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
        byte[] body = request.getInputStream().readAllBytes();
        ServiceGateway.Answer answer = gateway.call(service, method, path + query, body, request.getContentType());
        ResponseEntity.BodyBuilder out = ResponseEntity.status(answer.status())
                .contentType(MediaType.parseMediaType(answer.contentType()));
        if (answer.contentDisposition() != null) {
            out.header("Content-Disposition", answer.contentDisposition());
        }
        return out.body(answer.body());
    }

    @ExceptionHandler(ServiceGateway.Unavailable.class)
    ResponseEntity<byte[]> unavailable(ServiceGateway.Unavailable e) {
        String name = ServiceGateway.NAMES.getOrDefault(e.service(), e.service());
        return problem(HttpStatus.SERVICE_UNAVAILABLE, name + "暂不可用",
                name + "（" + e.service() + "）现在无法应答，此面板稍后自动重试。原因：" + e.getMessage(), e.service());
    }

    private static ResponseEntity<byte[]> problem(HttpStatus status, String title, String detail, String service) {
        Map<String, Object> problem = new java.util.LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("service", service);
        byte[] json = gov.keyproject.contracts.EventCodec.mapper().writeValueAsBytes(problem);
        ResponseEntity.BodyBuilder out = ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            out.header("Retry-After", "10");
        }
        return out.body(json);
    }
}
