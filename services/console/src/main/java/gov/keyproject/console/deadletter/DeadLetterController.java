package gov.keyproject.console.deadletter;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Dead letters for operators: list them, look at one, send one back to its topic. */
@RestController
public class DeadLetterController {

    private final DeadLetters letters;

    public DeadLetterController(DeadLetters letters) {
        this.letters = letters;
    }

    @GetMapping("/console/api/dead-letters")
    List<DeadLetter> all() {
        return letters.all();
    }

    @GetMapping("/console/api/dead-letters/{id}")
    ResponseEntity<?> one(@PathVariable String id) {
        return letters.find(id).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> problem(HttpStatus.NOT_FOUND, "没有这条死信", "no dead letter " + id));
    }

    @PostMapping("/console/api/dead-letters/{id}/resend")
    ResponseEntity<?> resend(@PathVariable String id) {
        switch (letters.resend(id, "console-operator")) {
            case SENT:
                return ResponseEntity.ok(letters.find(id).orElseThrow());
            case ALREADY_SENT:
                return problem(HttpStatus.CONFLICT, "这条死信已重新发送过",
                        "dead letter " + id + " was re-sent at " + letters.find(id).orElseThrow().resentAt()
                                + "; it is sent back only once");
            default:
                return problem(HttpStatus.NOT_FOUND, "没有这条死信", "no dead letter " + id);
        }
    }

    private static ResponseEntity<Map<String, Object>> problem(HttpStatus status, String title, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status.value());
        body.put("detail", detail);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}
