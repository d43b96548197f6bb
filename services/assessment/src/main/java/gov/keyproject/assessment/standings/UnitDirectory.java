package gov.keyproject.assessment.standings;

import gov.keyproject.contracts.EventCodec;
import gov.keyproject.contracts.EventEnvelope;
import gov.keyproject.contracts.UnitKind;
import gov.keyproject.contracts.registry.UnitChanged;
import gov.keyproject.contracts.registry.UnitRegistered;
import gov.keyproject.platform.consumer.IdempotentWriter;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The registry's units (责任单位) as assessment needs them: name and kind, i.e. the sequence each is ranked in. */
@Component
public class UnitDirectory {

    static final String COLLECTION = "units";

    /** A unit's name and sequence. */
    public record Unit(String code, String name, UnitKind kind) {
    }

    private final MongoTemplate mongo;
    private final IdempotentWriter writer;

    UnitDirectory(MongoTemplate mongo, IdempotentWriter writer) {
        this.mongo = mongo;
        this.writer = writer;
    }

    /** A unit as it was before an event ({@code before} null when new) and after. */
    public record Change(Unit before, Unit after) {
    }

    /** Applies a unit event in order; empty for a duplicate or stale event. */
    public Optional<Change> apply(EventEnvelope event) {
        Object data = EventCodec.data(event);
        Unit unit = data instanceof UnitRegistered r ? new Unit(r.unitCode(), r.name(), r.kind())
                : data instanceof UnitChanged c ? new Unit(c.unitCode(), c.name(), c.kind()) : null;
        if (unit == null) {
            return Optional.empty();
        }
        Unit before = find(unit.code()).orElse(null);
        boolean applied = writer.applyInOrder(COLLECTION, unit.code(), event,
                new Update().set("name", unit.name()).set("kind", unit.kind().name()));
        return applied ? Optional.of(new Change(before, unit)) : Optional.empty();
    }

    public Optional<Unit> find(String code) {
        Document d = mongo.findById(code, Document.class, COLLECTION);
        return Optional.ofNullable(d).map(UnitDirectory::unit);
    }

    /** Units of one sequence by code (a scan of the units, never of projects). */
    public Map<String, Unit> ofKind(UnitKind kind) {
        Map<String, Unit> units = new TreeMap<>();
        Query query = new Query(Criteria.where("kind").is(kind.name()));
        mongo.find(query, Document.class, COLLECTION).forEach(d -> units.put(d.getString("_id"), unit(d)));
        return units;
    }

    private static Unit unit(Document d) {
        return new Unit(d.getString("_id"), d.getString("name"), UnitKind.valueOf(d.getString("kind")));
    }
}
