package gov.keyproject.assessment.standings;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * 免试清单 (EXEMPT: marked outstanding) and 负面清单 (NEGATIVE: marked for 庸懒散浮拖), kept by operators. A unit is
 * on at most one of them: one document per unit, so the rule holds by construction.
 */
@Component
public class UnitLists {

    static final String COLLECTION = "unit-lists";
    public static final String EXEMPT = "EXEMPT";
    public static final String NEGATIVE = "NEGATIVE";

    /** A unit's place on a list, with who put it there, when and why. */
    public record Listing(String unitCode, String list, String reason, String by, Instant at) {
    }

    /** Refused: the unit is on the other list. */
    public static class OnOtherList extends RuntimeException {
        private final Listing current;

        OnOtherList(Listing current) {
            super("单位 " + current.unitCode() + " 已在" + label(current.list()) + "中，不能同时列入免试清单和负面清单");
            this.current = current;
        }

        public Listing current() {
            return current;
        }
    }

    private final MongoTemplate mongo;

    UnitLists(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public static String label(String list) {
        return EXEMPT.equals(list) ? "免试清单" : "负面清单";
    }

    /** Puts the unit on the list; true when that changed something. */
    public boolean put(Listing listing) {
        Optional<Listing> current = find(listing.unitCode());
        if (current.isPresent()) {
            if (current.get().list().equals(listing.list())) {
                return false;
            }
            throw new OnOtherList(current.get());
        }
        try {
            mongo.insert(new Document("_id", listing.unitCode()).append("list", listing.list())
                    .append("reason", listing.reason()).append("by", listing.by())
                    .append("at", listing.at().toString()), COLLECTION);
            return true;
        } catch (org.springframework.dao.DuplicateKeyException e) {
            return put(listing);
        }
    }

    /** Takes the unit off the list; true when it was on it. */
    public boolean remove(String unitCode, String list) {
        Query q = new Query(Criteria.where("_id").is(unitCode).and("list").is(list));
        return mongo.remove(q, COLLECTION).getDeletedCount() == 1;
    }

    public Optional<Listing> find(String unitCode) {
        return Optional.ofNullable(mongo.findById(unitCode, Document.class, COLLECTION)).map(UnitLists::listing);
    }

    public List<Listing> all() {
        List<Listing> all = new ArrayList<>();
        mongo.findAll(Document.class, COLLECTION).forEach(d -> all.add(listing(d)));
        all.sort(java.util.Comparator.comparing(Listing::unitCode));
        return all;
    }

    public Set<String> units(String list) {
        Set<String> units = new TreeSet<>();
        all().stream().filter(l -> l.list().equals(list)).forEach(l -> units.add(l.unitCode()));
        return units;
    }

    private static Listing listing(Document d) {
        return new Listing(d.getString("_id"), d.getString("list"), d.getString("reason"), d.getString("by"),
                Instant.parse(d.getString("at")));
    }
}
