package gov.keyproject.console.stream;

import gov.keyproject.console.ConsoleSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The last events from every topic (实时事件流) and the browsers watching them. Sending to browsers runs on its own
 * thread so a slow browser never holds up reading the topics.
 */
@Component
public class LiveStream implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LiveStream.class);

    private final int keep;
    private final Deque<LiveEvent> recent = new ArrayDeque<>();
    private final List<Watcher> watchers = new CopyOnWriteArrayList<>();
    private final ExecutorService fanOut = Executors.newSingleThreadExecutor(r -> new Thread(r, "live-stream-fan-out"));
    private final AtomicLong seq = new AtomicLong();

    public LiveStream(ConsoleSettings settings) {
        this.keep = settings.keep();
    }

    private record Watcher(SseEmitter emitter, String type, String unit, String project) {
    }

    long nextSeq() {
        return seq.incrementAndGet();
    }

    void add(LiveEvent event) {
        synchronized (recent) {
            recent.addFirst(event);
            while (recent.size() > keep) {
                recent.removeLast();
            }
        }
        if (!watchers.isEmpty()) {
            fanOut.execute(() -> send(event));
        }
    }

    private void send(LiveEvent event) {
        for (Watcher w : watchers) {
            if (event.matches(w.type(), w.unit(), w.project())) {
                try {
                    w.emitter().send(SseEmitter.event().id(Long.toString(event.seq())).name("event").data(event));
                } catch (IOException | IllegalStateException e) {
                    // The browser went away: forget it.
                    watchers.remove(w);
                    log.debug("live stream watcher gone: {}", e.toString());
                }
            }
        }
    }

    /** The newest events first, filtered. */
    public List<LiveEvent> recent(String type, String unit, String project, int limit) {
        List<LiveEvent> out = new ArrayList<>();
        synchronized (recent) {
            for (LiveEvent e : recent) {
                if (e.matches(type, unit, project)) {
                    out.add(e);
                    if (out.size() == limit) {
                        break;
                    }
                }
            }
        }
        return out;
    }

    /** A browser starts watching: it gets what passes its filter from now on. */
    public SseEmitter watch(String type, String unit, String project) {
        SseEmitter emitter = new SseEmitter(0L);
        Watcher watcher = new Watcher(emitter, type, unit, project);
        emitter.onCompletion(() -> watchers.remove(watcher));
        emitter.onTimeout(() -> watchers.remove(watcher));
        emitter.onError(e -> watchers.remove(watcher));
        watchers.add(watcher);
        fanOut.execute(() -> {
            try {
                emitter.send(SseEmitter.event().name("ready").data("{\"watching\":true}"));
            } catch (IOException | IllegalStateException e) {
                watchers.remove(watcher);
            }
        });
        return emitter;
    }

    public int watchers() {
        return watchers.size();
    }

    @Override
    public void close() {
        watchers.forEach(w -> w.emitter().complete());
        fanOut.shutdownNow();
    }
}
