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
 * Each unit's running tally for a period ({@code _id = "<period>|<unit>"}): the sum of the contributions of its
 * projects and deals. Each source's contribution is its own small document in {@code contributions}
 * ({@code _id = "<period>|<unit>|<source>"}), so the tally document's size, and the cost of an update, do not grow
 * with the number of projects.
 *
 * <p>A put moves the sum by the difference and records the move as pending in the tally, in one conditional write;
 * then writes the source's new contribution; then clears the pending move. A put that finds its source's move still
 * pending (a crash or a failure between the writes) finishes it before anything else, so the sum is moved exactly
 * once, and putting the same contribution again changes nothing. Only interrupted moves stay in the tally.
 */
@Component
public class Tallies {

    static final String COLLECTION = "tallies";
    /** One document per source, period and unit: its current contribution. */
    static final String CONTRIBUTIONS = "contributions";

    private final MongoTemplate mongo;

    Tallies(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    static String id(YearMonth period, String unitCode) {
        return period + "|" + unitCode;
    }

    static String contributionId(YearMonth period, String unitCode, String source) {
        return period + "|" + unitCode + "|" + source;
    }

    /** A source name as a field name (sources hold '.', as in project codes). */
    private static String field(String source) {
        return source.replace('.', '\uff0e').replace('$', '\uff04');
    }

    /**
     * Sets {@code source}'s contribution to the unit's tally for the period ({@link Contribution#NONE} removes it).
     *
     * @return true when the tally changed
     */
    public boolean put(YearMonth period, String unitCode, String source, Contribution contribution) {
        String id = id(period, unitCode);
        String contributionId = contributionId(period, unitCode, source);
        String pendingKey = "pending." + field(source);
        String legacyKey = "sources." + source;
        while (true) {
            // The tally (sum, version, this source's pending move) and the source's contribution, each by _id.
            Query tallyById = new Query(Criteria.where("_id").is(id));
            tallyById.fields().include("total").include("version").include(pendingKey).include(legacyKey);
            Document tally = mongo.findOne(tallyById, Document.class, COLLECTION);
            Document stored = mongo.findOne(new Query(Criteria.where("_id").is(contributionId)), Document.class,
                    CONTRIBUTIONS);
            Document pending = tally == null ? null : nested(tally, "pending", field(source));
            if (pending != null) {
                finish(id, contributionId, pendingKey, pending.get("to"));
                continue;
            }
            Contribution old = stored != null ? Documents.read(stored.get("value"), Contribution.class)
                    : legacy(tally, source);
            if (old.sameAs(contribution)) {
                return false;
            }
            Object to = contribution.sameAs(Contribution.NONE) ? null : Documents.of(contribution);
            Document move = new Document("to", to);
            if (tally == null) {
                try {
                    mongo.insert(new Document("_id", id).append("period", period.toString()).append("unitCode", unitCode)
                            .append("version", 1L).append("total", Documents.of(contribution.minus(old)))
                            .append("pending", new Document(field(source), move)), COLLECTION);
                } catch (DuplicateKeyException e) {
                    continue;
                }
            } else {
                Contribution total = Documents.read(tally.get("total"), Contribution.class).minus(old).plus(contribution);
                long version = tally.get("version", Number.class).longValue();
                // Documents written before contributions had their own documents kept them in the tally.
                Update update = new Update().set("total", Documents.of(total)).set("version", version + 1)
                        .set(pendingKey, move).unset(legacyKey);
                Query cas = new Query(Criteria.where("_id").is(id).and("version").is(version));
                if (mongo.updateFirst(cas, update, COLLECTION).getMatchedCount() != 1) {
                    continue;
                }
            }
            finish(id, contributionId, pendingKey, to);
            return true;
        }
    }

    /** The sum already moved: write the source's contribution, then clear the pending move. Both are idempotent. */
    private void finish(String id, String contributionId, String pendingKey, Object to) {
        Query contributionById = new Query(Criteria.where("_id").is(contributionId));
        if (to == null) {
            mongo.remove(contributionById, CONTRIBUTIONS);
        } else {
            mongo.upsert(contributionById, new Update().set("value", to), CONTRIBUTIONS);
        }
        mongo.updateFirst(new Query(Criteria.where("_id").is(id)), new Update().unset(pendingKey), COLLECTION);
    }

    private static Document nested(Document doc, String outer, String inner) {
        Document o = doc.get(outer, Document.class);
        Object v = o == null ? null : o.get(inner);
        return v instanceof Document ? (Document) v : null;
    }

    private static Contribution legacy(Document tally, String source) {
        Document sources = tally == null ? null : tally.get("sources", Document.class);
        Object stored = sources == null ? null : sources.get(source);
        return stored == null ? Contribution.NONE : Documents.read(stored, Contribution.class);
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
