package gov.keyproject.statistics.feed;

import gov.keyproject.platform.outbox.AggregateStore;
import gov.keyproject.statistics.figures.EnteredInvestment;
import gov.keyproject.statistics.figures.FeedEntry;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The entered amounts (投资入库) as the feed last gave them: collection "feed", one document per (project code,
 * period) with {@code _id = "<code>|<YYYY-MM>"}, the current amount and every change as a revision. Every read and
 * write goes by {@code _id} (on the MongoDB-protocol server anything else scans the collection). Concurrent writers
 * (a file job and the topic) are kept consistent by a compare-and-set on {@code rev}, the number of revisions,
 * which the unique (_id, rev) index serves.
 */
@Component
public class FeedStore {

    static final String COLLECTION = "feed";
    static final String PROJECTS = "projects";
    static final String REV = "rev";

    public enum Outcome { APPLIED, UNCHANGED, REVISED }

    /** One revision of an entry: the amount, when and from where (file:&lt;job&gt; or topic:&lt;event id&gt;). */
    public record Revision(BigDecimal amount, Date at, String source) {
    }

    public record Entry(String projectCode, YearMonth period, BigDecimal amountEntered, List<Revision> revisions) {
    }

    private final MongoTemplate mongo;
    private final Clock clock;
    /** Only for the outbox entries: each change of a key publishes its InvestmentEntryRecorded with it. */
    private final gov.keyproject.platform.outbox.AggregateStore store;
    private volatile boolean indexed;

    public FeedStore(MongoTemplate mongo, Clock clock, gov.keyproject.platform.outbox.AggregateStore store) {
        this.mongo = mongo;
        this.clock = clock;
        this.store = store;
    }

    static String id(String code, YearMonth period) {
        return code + "|" + period;
    }

    /**
     * Applies one row. A {@code source} is one delivery (the topic's event id): the same source again changes
     * nothing, even after a later amount for the key.
     */
    public Outcome apply(FeedEntry row, String source) {
        return applyOne(row, source, true);
    }

    private Outcome applyOne(FeedEntry row, String source, boolean oncePerSource) {
        ensureIndex();
        String id = id(row.projectCode(), row.period());
        while (true) {
            Document current = mongo.findById(id, Document.class, COLLECTION);
            Long rev = current == null ? null : current.get(REV, Number.class).longValue();
            if (current != null) {
                if (oncePerSource && seen(current, source)) {
                    return Outcome.UNCHANGED;
                }
                if (new BigDecimal(current.getString("amountEntered")).compareTo(row.amountEntered()) == 0) {
                    return Outcome.UNCHANGED;
                }
            }
            long newRev = (rev == null ? 0 : rev) + 1;
            Document entry = recorded(row, newRev);
            Update update = update(row, newRev, List.of(revision(row.amountEntered(), source)), entry);
            try {
                if (mongo.upsert(cas(id, rev), update, COLLECTION).getMatchedCount() == 1 || current == null) {
                    store.submitPending(COLLECTION, List.of(id));
                    return current == null ? Outcome.APPLIED : Outcome.REVISED;
                }
            } catch (DuplicateKeyException e) {
                // changed concurrently: read again
            }
        }
    }

    /**
     * Applies the rows of one batch of a file, in order, with one bulk write by _id. A key twice in the batch gets
     * both revisions; a key changed concurrently by another writer is redone row by row.
     *
     * @return the outcome of each row, in the order given
     */
    public List<Outcome> applyAll(List<FeedEntry> rows, String source) {
        ensureIndex();
        Outcome[] outcomes = new Outcome[rows.size()];
        Map<String, Document> existing = new HashMap<>();
        Set<String> ids = new HashSet<>();
        rows.forEach(r -> ids.add(id(r.projectCode(), r.period())));
        Query byIds = new Query(Criteria.where("_id").in(ids));
        byIds.fields().include("amountEntered").include(REV);
        mongo.find(byIds, Document.class, COLLECTION).forEach(d -> existing.put(d.getString("_id"), d));

        /** The writes for one key: its rev as read, the last row, the new revisions and the batch rows it covers. */
        final class Pending {
            final Long originalRev;
            FeedEntry last;
            final List<Document> revisions = new ArrayList<>();
            final List<Integer> rows = new ArrayList<>();

            Pending(Long originalRev) {
                this.originalRev = originalRev;
            }

            long rev() {
                return (originalRev == null ? 0 : originalRev) + revisions.size();
            }
        }
        Map<String, Pending> pending = new LinkedHashMap<>();
        Map<String, BigDecimal> amounts = new HashMap<>();
        existing.forEach((id, d) -> amounts.put(id, new BigDecimal(d.getString("amountEntered"))));
        for (int i = 0; i < rows.size(); i++) {
            FeedEntry row = rows.get(i);
            String id = id(row.projectCode(), row.period());
            BigDecimal now = amounts.get(id);
            if (now != null && now.compareTo(row.amountEntered()) == 0) {
                outcomes[i] = Outcome.UNCHANGED;
                if (pending.containsKey(id)) {
                    pending.get(id).rows.add(i);
                }
                continue;
            }
            outcomes[i] = now == null ? Outcome.APPLIED : Outcome.REVISED;
            amounts.put(id, row.amountEntered());
            Pending p = pending.computeIfAbsent(id, k -> {
                Document before = existing.get(k);
                return new Pending(before == null ? null : before.get(REV, Number.class).longValue());
            });
            p.last = row;
            p.revisions.add(revision(row.amountEntered(), source));
            p.rows.add(i);
        }
        if (pending.isEmpty()) {
            return List.of(outcomes);
        }
        List<String> order = new ArrayList<>(pending.keySet());
        List<Document> entries = new ArrayList<>();
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        for (String id : order) {
            Pending p = pending.get(id);
            Document entry = recorded(p.last, p.rev());
            entries.add(entry);
            if (p.originalRev == null) {
                // A new key: a plain insert (fails with a duplicate key if another writer got there first).
                bulk.insert(document(id, p.last, p.rev(), p.revisions, entry));
            } else {
                // Matches only the rev read above; otherwise the upsert fails on the duplicate _id.
                bulk.upsert(cas(id, p.originalRev), update(p.last, p.rev(), p.revisions, entry));
            }
        }
        Set<Integer> failed = new HashSet<>();
        try {
            bulk.execute();
        } catch (BulkOperationException e) {
            e.getErrors().forEach(err -> failed.add(err.getIndex()));
            if (failed.isEmpty()) {
                throw e;
            }
        }
        List<Object> written = new ArrayList<>();
        for (int index = 0; index < order.size(); index++) {
            if (!failed.contains(index)) {
                written.add(order.get(index));
            }
        }
        store.submitPending(COLLECTION, written);
        for (int index : failed) {
            // Another writer changed this key meanwhile: redo its rows one by one on top of what is there now.
            for (int i : pending.get(order.get(index)).rows) {
                outcomes[i] = applyOne(rows.get(i), source, false);
            }
        }
        return List.of(outcomes);
    }

    /** Which of these codes the project read model knows (one lookup by _id). */
    public Set<String> knownCodes(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Set.of();
        }
        Query query = new Query(Criteria.where("_id").in(new HashSet<>(codes)));
        query.fields().include("_id");
        Set<String> known = new HashSet<>();
        mongo.find(query, Document.class, PROJECTS).forEach(d -> known.add(d.getString("_id")));
        return known;
    }

    public boolean known(String code) {
        return !knownCodes(List.of(code)).isEmpty();
    }

    /** Everything the feed has entered, for the figures (入库率, reported − entered). */
    public EnteredInvestment entered() {
        Query all = new Query();
        all.fields().include("amountEntered");
        Map<String, Map<YearMonth, BigDecimal>> amounts = new TreeMap<>();
        for (Document d : mongo.find(all, Document.class, COLLECTION)) {
            String id = d.getString("_id");
            int bar = id.lastIndexOf('|');
            amounts.computeIfAbsent(id.substring(0, bar), k -> new TreeMap<>())
                    .put(YearMonth.parse(id.substring(bar + 1)), new BigDecimal(d.getString("amountEntered")));
        }
        return new EnteredInvestment(amounts);
    }

    /** One project's entries by period, each with its revisions (oldest first). */
    public List<Entry> entries(String code) {
        // An anchored prefix of _id: served by the _id index here and in MongoDB.
        Query query = new Query(Criteria.where("_id").regex("^" + escape(code) + "\\|"));
        List<Entry> entries = new ArrayList<>();
        for (Document d : mongo.find(query, Document.class, COLLECTION)) {
            String id = d.getString("_id");
            List<Revision> revisions = new ArrayList<>();
            for (Document r : d.getList("revisions", Document.class, List.of())) {
                revisions.add(new Revision(new BigDecimal(r.getString("amount")), r.getDate("at"),
                        r.getString("source")));
            }
            entries.add(new Entry(code, YearMonth.parse(id.substring(id.lastIndexOf('|') + 1)),
                    new BigDecimal(d.getString("amountEntered")), revisions));
        }
        entries.sort(Comparator.comparing(Entry::period));
        return entries;
    }

    private static boolean seen(Document current, String source) {
        for (Document r : current.getList("revisions", Document.class, List.of())) {
            if (source.equals(r.getString("source"))) {
                return true;
            }
        }
        return false;
    }

    private Document revision(BigDecimal amount, String source) {
        return new Document("amount", amount.toPlainString()).append("at", Date.from(clock.instant()))
                .append("source", source);
    }

    private Update update(FeedEntry row, long rev, List<Document> revisions, Document entry) {
        Update update = new Update().set("projectCode", row.projectCode()).set("period", row.period().toString())
                .set("amountEntered", row.amountEntered().toPlainString()).set(REV, rev)
                .set("updatedAt", Date.from(clock.instant()));
        update.push("revisions").each(revisions.toArray());
        update.push(gov.keyproject.platform.outbox.AggregateStore.OUTBOX, entry);
        return update;
    }

    private Document document(String id, FeedEntry row, long rev, List<Document> revisions, Document entry) {
        return new Document("_id", id).append("projectCode", row.projectCode())
                .append("period", row.period().toString())
                .append("amountEntered", row.amountEntered().toPlainString()).append(REV, rev)
                .append("updatedAt", Date.from(clock.instant())).append("revisions", revisions)
                .append(gov.keyproject.platform.outbox.AggregateStore.OUTBOX, List.of(entry));
    }

    /** The event that tells other services the key's new amount; its sequence is the key's revision. */
    private Document recorded(FeedEntry row, long rev) {
        return store.outboxEntry(new gov.keyproject.contracts.statistics.InvestmentEntryRecorded(row.projectCode(),
                row.period(), row.amountEntered(), rev), rev);
    }

    private static Query cas(String id, Long rev) {
        return new Query(Criteria.where("_id").is(id).and(REV).is(rev));
    }

    private void ensureIndex() {
        if (!indexed) {
            AggregateStore.ensureCompoundIndex(mongo, COLLECTION, REV);
            indexed = true;
        }
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if ("\\^$.|?*+()[]{}".indexOf(c) >= 0) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }
}
