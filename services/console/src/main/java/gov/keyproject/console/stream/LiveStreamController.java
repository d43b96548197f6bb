package gov.keyproject.console.stream;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.util.List;

/** The live stream over HTTP: the recent events as JSON, and Server-Sent Events from now on. */
@RestController
public class LiveStreamController {

    private final LiveStream stream;

    public LiveStreamController(LiveStream stream) {
        this.stream = stream;
    }

    @GetMapping("/console/api/events")
    List<LiveEvent> recent(@RequestParam(required = false) String type, @RequestParam(required = false) String unit,
                           @RequestParam(required = false) String project,
                           @RequestParam(defaultValue = "200") int limit) {
        return stream.recent(type, unit, project, Math.max(1, Math.min(limit, 2000)));
    }

    /** {@code curl -N localhost:8080/console/api/stream?type=ProgressReported&unit=TS-01} */
    @GetMapping(path = "/console/api/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@RequestParam(required = false) String type, @RequestParam(required = false) String unit,
                      @RequestParam(required = false) String project) {
        return stream.watch(type, unit, project);
    }
}
