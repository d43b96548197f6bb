package gov.keyproject.assessment.standings;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
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
    private static final String HISTORY = "history";
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
        // The listing and its history entry in one conditional upsert: a concurrent listing makes it a duplicate key.
        Query free = new Query(Criteria.where("_id").is(listing.unitCode()).and("list").exists(false));
        Update update = new Update().set("list", listing.list()).set("reason", listing.reason())
                .set("by", listing.by()).set("at", listing.at().toString())
                .push(HISTORY, new Document("action", "ADD").append("list", listing.list())
                        .append("reason", listing.reason()).append("by", listing.by())
                        .append("at", listing.at().toString()));
        try {
            mongo.upsert(free, update, COLLECTION);
            return true;
        } catch (org.springframework.dao.DuplicateKeyException e) {
            return put(listing);
        }
    }

    /** Takes the unit off the list, keeping who did it and when (痕迹); true when it was on it. */
    public boolean remove(String unitCode, String list, String by, Instant at) {
        Query q = new Query(Criteria.where("_id").is(unitCode).and("list").is(list));
        Update update = new Update().unset("list").unset("reason").unset("by").unset("at")
                .push(HISTORY, new Document("action", "REMOVE").append("list", list).append("by", by)
                        .append("at", at.toString()));
        return mongo.updateFirst(q, update, COLLECTION).getModifiedCount() == 1;
    }

    /** Every listing and removal of the unit, oldest first: who, when, which list, why. */
    public List<Document> history(String unitCode) {
        Document d = mongo.findById(unitCode, Document.class, COLLECTION);
        return d == null ? List.of() : List.copyOf(d.getList(HISTORY, Document.class, List.of()));
    }

    public Optional<Listing> find(String unitCode) {
        return Optional.ofNullable(mongo.findById(unitCode, Document.class, COLLECTION))
                .filter(d -> d.getString("list") != null).map(UnitLists::listing);
    }

    public List<Listing> all() {
        List<Listing> all = new ArrayList<>();
        mongo.findAll(Document.class, COLLECTION).stream().filter(d -> d.getString("list") != null)
                .forEach(d -> all.add(listing(d)));
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
