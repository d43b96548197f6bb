package gov.keyproject.assessment.bulletins;

import gov.keyproject.contracts.assessment.BulletinPublished.AmendmentLine;
import gov.keyproject.contracts.statistics.ClosedPeriodAmended;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Late changes to closed periods (更正) as the statistics service announced them, one document per event id, so a
 * redelivery changes nothing. A bulletin lists those that arrived since the previous bulletin was frozen.
 */
@Component
class Amendments {

    static final String COLLECTION = "amendments";

    record Amendment(String eventId, Instant at, AmendmentLine line) {
    }

    private final MongoTemplate mongo;

    Amendments(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void record(String eventId, ClosedPeriodAmended a) {
        try {
            mongo.insert(new Document("_id", eventId).append("period", a.period().toString())
                    .append("projectCode", a.projectCode()).append("unitCode", a.unitCode()).append("what", a.what())
                    .append("frozen", a.frozenYtdCompleted() == null ? null : a.frozenYtdCompleted().toPlainString())
                    .append("live", a.liveYtdCompleted() == null ? null : a.liveYtdCompleted().toPlainString())
                    .append("at", a.at().toString()), COLLECTION);
        } catch (DuplicateKeyException e) {
            // delivered before
        }
    }

    /** Amendments that arrived after {@code after} (exclusive; null for all) and up to {@code upTo}. */
    List<AmendmentLine> between(Instant after, Instant upTo) {
        List<Amendment> found = new ArrayList<>();
        mongo.findAll(Document.class, COLLECTION).forEach(d -> {
            Instant at = Instant.parse(d.getString("at"));
            if ((after == null || at.isAfter(after)) && !at.isAfter(upTo)) {
                found.add(new Amendment(d.getString("_id"), at, new AmendmentLine(YearMonth.parse(d.getString("period")),
                        d.getString("projectCode"), d.getString("unitCode"), d.getString("what"),
                        decimal(d, "frozen"), decimal(d, "live"))));
            }
        });
        found.sort(Comparator.comparing(Amendment::at).thenComparing(Amendment::eventId));
        return found.stream().map(Amendment::line).toList();
    }

    private static BigDecimal decimal(Document d, String field) {
        String v = d.getString(field);
        return v == null ? null : new BigDecimal(v);
    }
}
