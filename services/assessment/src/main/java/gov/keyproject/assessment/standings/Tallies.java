package gov.keyproject.assessment.standings;

import gov.keyproject.assessment.Documents;
import gov.keyproject.assessment.ranking.Contribution;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each unit's running tally for a period ({@code _id = "<period>|<unit>"}): the contribution of every project and
 * deal of the unit, keyed by source, and their sum. Putting a source's contribution replaces its old one and moves
 * the sum by the difference in one conditional write, so it costs the same however many projects exist, and putting
 * the same contribution again changes nothing (which is what makes repair after a crash safe).
 */
@Component
public class Tallies {

    static final String COLLECTION = "tallies";

    private final MongoTemplate mongo;

    Tallies(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    static String id(YearMonth period, String unitCode) {
        return period + "|" + unitCode;
    }

    /**
     * Sets {@code source}'s contribution to the unit's tally for the period ({@link Contribution#NONE} removes it).
     *
     * @return true when the tally changed
     */
    public boolean put(YearMonth period, String unitCode, String source, Contribution contribution) {
        String id = id(period, unitCode);
        String key = "sources." + source;
        while (true) {
            Query byId = new Query(Criteria.where("_id").is(id));
            byId.fields().include(key).include("total").include("version");
            Document doc = mongo.findOne(byId, Document.class, COLLECTION);
            if (doc == null) {
                if (contribution.sameAs(Contribution.NONE)) {
                    return false;
                }
                try {
                    mongo.insert(new Document("_id", id).append("period", period.toString()).append("unitCode", unitCode)
                            .append("version", 1L).append("total", Documents.of(contribution))
                            .append("sources", new Document(source, Documents.of(contribution))), COLLECTION);
                    return true;
                } catch (DuplicateKeyException e) {
                    continue;
                }
            }
            Document sources = doc.get("sources", Document.class);
            Object stored = sources == null ? null : sources.get(source);
            Contribution old = stored == null ? Contribution.NONE : Documents.read(stored, Contribution.class);
            if (old.sameAs(contribution)) {
                return false;
            }
            Contribution total = Documents.read(doc.get("total"), Contribution.class).minus(old).plus(contribution);
            long version = doc.get("version", Number.class).longValue();
            Update update = new Update().set("total", Documents.of(total)).set("version", version + 1);
            if (contribution.sameAs(Contribution.NONE)) {
                update.unset(key);
            } else {
                update.set(key, Documents.of(contribution));
            }
            Query cas = new Query(Criteria.where("_id").is(id).and("version").is(version));
            if (mongo.updateFirst(cas, update, COLLECTION).getMatchedCount() == 1) {
                return true;
            }
        }
    }

    /** The totals of these units for the period (one lookup by _id); a unit with no tally is absent. */
    public Map<String, Contribution> totals(YearMonth period, Collection<String> unitCodes) {
        List<String> ids = unitCodes.stream().map(u -> id(period, u)).toList();
        Query query = new Query(Criteria.where("_id").in(ids));
        query.fields().include("unitCode").include("total");
        Map<String, Contribution> totals = new HashMap<>();
        mongo.find(query, Document.class, COLLECTION).forEach(d ->
                totals.put(d.getString("unitCode"), Documents.read(d.get("total"), Contribution.class)));
        return totals;
    }
}
