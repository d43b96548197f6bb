package gov.keyproject.platform.consumer;

import gov.keyproject.contracts.EventCodec;
import gov.keyproject.contracts.EventEnvelope;
import gov.keyproject.platform.outbox.EventContext;
import gov.keyproject.platform.web.TraceIds;
import org.slf4j.MDC;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

/** Adapts Spring Cloud Stream messages to envelopes; lets every failure propagate to the binder's retry and DLQ. */
public final class EventMessages {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(EventMessages.class);

    private EventMessages() {
    }

    public static EventEnvelope decode(Message<byte[]> message) {
        return EventCodec.decode(message.getPayload());
    }

    /**
     * A binder consumer that decodes each record and hands it to {@code handler} with the event's trace context,
     * so events the handler causes carry the same trace. Exceptions are never caught here.
     */
    public static Consumer<Message<byte[]>> consumer(Consumer<EventEnvelope> handler) {
        return message -> {
            EventEnvelope envelope = decode(message);
            String traceId = TraceIds.of(envelope.traceparent());
            if (traceId != null) {
                MDC.put(TraceIds.MDC_KEY, traceId);
            }
            try {
                new EventContext(envelope.traceparent(), envelope.acceptedat()).run(() -> {
                    handler.accept(envelope);
                    return null;
                });
                log.debug("handled {} {} #{}", envelope.type(), envelope.subject(), envelope.sequence());
            } finally {
                MDC.remove(TraceIds.MDC_KEY);
            }
        };
    }
}
