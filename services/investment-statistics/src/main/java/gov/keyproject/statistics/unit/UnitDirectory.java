package gov.keyproject.statistics.unit;

import gov.keyproject.contracts.DomainEvent;
import gov.keyproject.contracts.EventCodec;
import gov.keyproject.contracts.EventEnvelope;
import gov.keyproject.contracts.UnitKind;
import gov.keyproject.contracts.registry.UnitChanged;
import gov.keyproject.contracts.registry.UnitRegistered;
import gov.keyproject.platform.consumer.EventMessages;
import gov.keyproject.platform.consumer.IdempotentWriter;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.messaging.Message;

import java.util.List;
import java.util.function.Consumer;

/**
 * This service's read model of the 责任单位 (code, name, kind), built only from the registry's unit events.
 * Redelivered and stale events change nothing ({@link IdempotentWriter}); {@code eventsApplied} counts real changes.
 */
@Configuration(proxyBeanMethods = false)
public class UnitDirectory {

    static final String COLLECTION = "units";
    private static final Logger log = LoggerFactory.getLogger(UnitDirectory.class);

    public record KnownUnit(String code, String name, UnitKind kind) {
    }

    @Bean
    Consumer<Message<byte[]>> unitEvents(IdempotentWriter writer) {
        return EventMessages.consumer(event -> apply(writer, event));
    }

    static void apply(IdempotentWriter writer, EventEnvelope event) {
        DomainEvent data = EventCodec.data(event);
        String code;
        String name;
        UnitKind kind;
        if (data instanceof UnitRegistered r) {
            code = r.unitCode();
            name = r.name();
            kind = r.kind();
        } else if (data instanceof UnitChanged c) {
            code = c.unitCode();
            name = c.name();
            kind = c.kind();
        } else {
            return; // a catalogued event this read model does not need
        }
        if (code == null || name == null || kind == null) {
            throw new EventCodec.MalformedEventException("unit event without code, name or kind: " + event.id());
        }
        boolean applied = writer.applyInOrder(COLLECTION, code, event,
                new Update().set("name", name).set("kind", kind.name()).inc("eventsApplied", 1));
        log.debug("unit event {} seq {} for {}: {}", event.type(), event.sequence(), code,
                applied ? "applied" : "already applied");
    }

    public static List<KnownUnit> all(MongoTemplate mongo) {
        return mongo.find(new Query().with(Sort.by("_id")), Document.class, COLLECTION).stream()
                .map(d -> new KnownUnit(d.getString("_id"), d.getString("name"), UnitKind.valueOf(d.getString("kind"))))
                .toList();
    }
}
