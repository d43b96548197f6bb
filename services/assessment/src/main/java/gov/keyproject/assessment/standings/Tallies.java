package gov.keyproject.assessment.standings;

import gov.keyproject.assessment.Documents;
import gov.keyproject.assessment.ranking.Contribution;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each unit's running tally for a period (单位累计), split into {@link #SHARDS} documents
 * ({@code _id = "<period>|<unit>|#<shard>"}). A source (a project or a deal) always lands in the same shard, which
 * keeps its contribution beside the shard's sum. A put is one read and one conditional write of that one document,
 * so the sum moves by the difference exactly once, with no step a crash could leave half done, and putting the same
 * contribution again changes nothing. A shard holds about 1/{@value #SHARDS} of the unit's sources, so the cost of a
 * put stays small at a province's size; a unit's total is the sum of its shards' sums.
 */
@Component
public class Tallies {

    private static final Logger log = LoggerFactory.getLogger(Tallies.class);

    static final String COLLECTION = "tallies";
    /**
     * Fixed: a source's shard follows from its name, so changing this would strand the stored contributions. Eight
     * keeps a shard at about 60 sources at a province's size (20,000 projects in 40 units) while a re-rank reads
     * 8 documents per unit; 32 made the re-rank's read the store's largest cost (pipeline benchmark, 2026-12-08).
     */
    static final int SHARDS = 8;
    /** Where an earlier form kept each source's contribution; dropped at start-up (see {@link #Tallies}). */
    private static final String EARLIER_CONTRIBUTIONS = "contributions";

    private final MongoTemplate mongo;
    private final boolean droppedEarlierForm;

    /**
     * Tallies are derived data. Documents of the earlier forms (one document per unit, contributions apart or
     * inside) are dropped here, before any consumer runs; the start-up sweep then puts every project and deal into
     * the assessment period's tallies again (even where it is switched off), and a closed period is recomputed when
     * amended.
     */
    Tallies(MongoTemplate mongo) {
        this.mongo = mongo;
        long earlier = mongo.remove(new Query(Criteria.where("_id").not().regex("\\|#")), COLLECTION)
                .getDeletedCount();
        if (mongo.collectionExists(EARLIER_CONTRIBUTIONS)) {
            mongo.dropCollection(EARLIER_CONTRIBUTIONS);
            earlier++;
        }
        droppedEarlierForm = earlier > 0;
        if (droppedEarlierForm) {
            log.info("Dropped tallies of the earlier form ({} documents); the sweep puts them again", earlier);
        }
    }

    /** True when this start dropped tallies of an earlier form: a sweep must put every source again now. */
    public boolean droppedEarlierForm() {
        return droppedEarlierForm;
    }

    static int shard(String source) {
        // String.hashCode is fixed by the language; mixed (MurmurHash3's finaliser) because codes that differ only
        // in their last characters differ little in its low bits.
        int h = source.hashCode();
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return Math.floorMod(h, SHARDS);
    }

    static String id(YearMonth period, String unitCode, int shard) {
        return period + "|" + unitCode + "|#" + shard;
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
        String id = id(period, unitCode, shard(source));
        String key = "sources." + field(source);
        Query byId = new Query(Criteria.where("_id").is(id));
        byId.fields().include("total").include("version").include(key);
        while (true) {
            Document shard = mongo.findOne(byId, Document.class, COLLECTION);
            Document sources = shard == null ? null : shard.get("sources", Document.class);
            Object stored = sources == null ? null : sources.get(field(source));
            Contribution old = stored == null ? Contribution.NONE : Documents.read(stored, Contribution.class);
            if (old.sameAs(contribution)) {
                return false;
            }
            boolean none = contribution.sameAs(Contribution.NONE);
            if (shard == null) {
                try {
                    mongo.insert(new Document("_id", id).append("period", period.toString())
                            .append("unitCode", unitCode).append("version", 1L)
                            .append("total", Documents.of(contribution))
                            .append("sources", new Document(field(source), Documents.of(contribution))), COLLECTION);
                    return true;
                } catch (DuplicateKeyException e) {
                    continue; // another put created the shard first
                }
            }
            Contribution total = Documents.read(shard.get("total"), Contribution.class).minus(old).plus(contribution);
            long version = shard.get("version", Number.class).longValue();
            Update update = new Update().set("total", Documents.of(total)).set("version", version + 1);
            if (none) {
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

    /** The totals of these units for the period (one lookup by _id of all their shards); no tally, no entry. */
    public Map<String, Contribution> totals(YearMonth period, Collection<String> unitCodes) {
        List<String> ids = new ArrayList<>(unitCodes.size() * SHARDS);
        for (String unit : unitCodes) {
            for (int s = 0; s < SHARDS; s++) {
                ids.add(id(period, unit, s));
            }
        }
        Query query = new Query(Criteria.where("_id").in(ids));
        query.fields().include("unitCode").include("total");
        Map<String, Contribution> totals = new HashMap<>();
        mongo.find(query, Document.class, COLLECTION).forEach(d -> totals.merge(d.getString("unitCode"),
                Documents.read(d.get("total"), Contribution.class), Contribution::plus));
        return totals;
    }
}
