package gov.keyproject.assessment.standings;

import gov.keyproject.assessment.AssessmentSettings;
import gov.keyproject.assessment.Documents;
import gov.keyproject.assessment.ranking.Contribution;
import gov.keyproject.assessment.ranking.ScoreCard;
import gov.keyproject.assessment.ranking.ScoreRules;
import gov.keyproject.assessment.ranking.SequenceRanking;
import gov.keyproject.contracts.DomainEvent;
import gov.keyproject.contracts.UnitKind;
import gov.keyproject.contracts.assessment.RankedUnit;
import gov.keyproject.contracts.assessment.RankingPublished;
import gov.keyproject.contracts.assessment.ScoreChange;
import gov.keyproject.platform.outbox.AggregateStore;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The rankings (考核红黑榜) of one period: one document per period ({@code _id = "YYYY-MM"}) holding each sequence's
 * latest published ranking, and, once the period closes, its frozen bulletin. A refresh reads the sequence's unit
 * tallies (one per unit, never a project), re-ranks, and publishes a {@link RankingPublished} only when something
 * changed; each unit whose tally moved gets the components and points that moved, attributed to the cause.
 */
@Component
public class Rankings {

    public static final String COLLECTION = "rankings";

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final Tallies tallies;
    private final UnitDirectory units;
    private final UnitLists lists;
    private final ScoreRules rules;
    private final Clock clock;

    Rankings(MongoTemplate mongo, AggregateStore store, Tallies tallies, UnitDirectory units, UnitLists lists,
             AssessmentSettings settings, Clock clock) {
        this.mongo = mongo;
        this.store = store;
        this.tallies = tallies;
        this.units = units;
        this.lists = lists;
        this.rules = settings.scoreRules();
        this.clock = clock;
    }

    /**
     * Re-ranks one sequence for the period and publishes the ranking if anything changed.
     *
     * @return the published ranking, or empty when nothing changed
     */
    public Optional<RankingPublished> refresh(YearMonth period, UnitKind kind, Cause cause) {
        return refresh(period, kind, Map.of(), cause);
    }

    /**
     * As {@link #refresh(YearMonth, UnitKind, Cause)}, with a cause per unit where several units moved for
     * different reasons (a sweep); units not in {@code causes} are attributed to {@code cause}.
     */
    public Optional<RankingPublished> refresh(YearMonth period, UnitKind kind, Map<String, Cause> causes,
                                              Cause cause) {
        return rank(period, kind, causes, cause, true);
    }

    /**
     * Re-ranks after a unit's tally moved: the sequence's units, names and lists are those of its last ranking
     * (they change only through {@link #refresh}, which unit and list changes call), so this reads nothing but the
     * sequence's unit tallies and the period's document: its cost does not grow with the number of projects.
     */
    public Optional<RankingPublished> tallyMoved(YearMonth period, UnitKind kind, Cause cause) {
        return rank(period, kind, Map.of(), cause, false);
    }

    /** As {@link #tallyMoved(YearMonth, UnitKind, Cause)}, with a cause per unit that moved. */
    public Optional<RankingPublished> tallyMoved(YearMonth period, UnitKind kind, Map<String, Cause> causes,
                                                 Cause cause) {
        return rank(period, kind, causes, cause, false);
    }

    private Optional<RankingPublished> rank(YearMonth period, UnitKind kind, Map<String, Cause> causes, Cause cause,
                                            boolean membership) {
        Map<String, UnitDirectory.Unit> sequence = null;
        Map<String, Contribution> totals = null;
        Set<String> exempt = null;
        Set<String> negative = null;
        if (membership) {
            sequence = units.ofKind(kind);
            totals = tallies.totals(period, sequence.keySet());
            exempt = new java.util.TreeSet<>();
            negative = new java.util.TreeSet<>();
            for (UnitLists.Listing l : lists.all()) {
                if (sequence.containsKey(l.unitCode())) {
                    (UnitLists.EXEMPT.equals(l.list()) ? exempt : negative).add(l.unitCode());
                }
            }
        }
        for (int attempt = 1; ; attempt++) {
            Document doc = load(period, kind);
            Document seq = doc.get("sequences", Document.class).get(kind.name(), Document.class);
            Document published = seq == null ? new Document() : seq.get("published", Document.class);
            if (!membership && seq == null) {
                return rank(period, kind, causes, cause, true);
            }
            if (!membership) {
                sequence = new java.util.TreeMap<>();
                for (String code : published.keySet()) {
                    sequence.put(code, new UnitDirectory.Unit(code, published.get(code, Document.class)
                            .getString("name"), kind));
                }
                totals = tallies.totals(period, sequence.keySet());
                exempt = set(seq, "exempt");
                negative = set(seq, "negative");
            }
            if (seq != null && unchanged(published, sequence, totals)
                    && exempt.equals(set(seq, "exempt")) && negative.equals(set(seq, "negative"))) {
                return Optional.empty();
            }
            int month = period.getMonthValue();
            List<SequenceRanking.Standing> standings = new ArrayList<>();
            Map<String, SequenceRanking.Previous> previous = new HashMap<>();
            Map<String, List<ScoreChange>> changes = new HashMap<>();
            for (UnitDirectory.Unit unit : sequence.values()) {
                Contribution total = totals.getOrDefault(unit.code(), Contribution.NONE);
                ScoreCard card = ScoreCard.of(total, month, rules);
                standings.add(new SequenceRanking.Standing(unit.code(), unit.name(), card));
                Document before = published.get(unit.code(), Document.class);
                Contribution old = before == null ? Contribution.NONE
                        : Documents.read(before.get("total"), Contribution.class);
                if (before != null) {
                    Object score = before.get("score");
                    previous.put(unit.code(), new SequenceRanking.Previous(before.getInteger("rank"),
                            score == null ? null : new BigDecimal(score.toString())));
                }
                if (!old.sameAs(total)) {
                    Cause c = causes.getOrDefault(unit.code(), cause);
                    changes.put(unit.code(), card.changesSince(ScoreCard.of(old, month, rules), c.key(), c.label()));
                }
            }
            SequenceRanking.Result result = SequenceRanking.rank(standings, exempt, negative, rules.maxListSize(),
                    previous, changes);
            long version = seq == null ? 1 : seq.get("version", Number.class).longValue() + 1;
            LocalDate today = LocalDate.now(clock);
            RankingPublished event = new RankingPublished(period, kind, version, today, cause.label(),
                    result.units(), result.honourList(), result.blackList());
            Document newPublished = new Document();
            for (RankedUnit u : result.units()) {
                newPublished.put(u.unitCode(), new Document("name", u.unitName()).append("rank", u.rank())
                        .append("score", u.score() == null ? null : u.score().toPlainString())
                        .append("total", Documents.of(totals.getOrDefault(u.unitCode(), Contribution.NONE))));
            }
            Update update = new Update().set("sequences." + kind.name(), new Document("version", version)
                    .append("ranking", Documents.of(event)).append("published", newPublished)
                    .append("exempt", List.copyOf(exempt)).append("negative", List.copyOf(negative)));
            try {
                store.update(COLLECTION, period.toString(), doc.get(AggregateStore.VERSION, Number.class).longValue(),
                        doc.get(AggregateStore.EVENT_SEQ, Number.class).longValue(), update, List.of(event));
                return Optional.of(event);
            } catch (OptimisticLockingFailureException e) {
                if (attempt >= 20) {
                    throw e;
                }
            }
        }
    }

    /** The latest published ranking of a sequence for a period. */
    public Optional<RankingPublished> current(YearMonth period, UnitKind kind) {
        Document doc = find(period);
        if (doc == null) {
            return Optional.empty();
        }
        Document seq = doc.get("sequences", Document.class).get(kind.name(), Document.class);
        return seq == null ? Optional.empty() : Optional.of(Documents.read(seq.get("ranking"), RankingPublished.class));
    }

    /**
     * Writes {@code change(doc)} to the period's document with its events, if nobody changed it meanwhile
     * (the bulletin freezes this way, in the same aggregate as the rankings it pins).
     */
    public void update(YearMonth period, Function<Document, Update> change, List<? extends DomainEvent> events) {
        Document doc = load(period);
        store.update(COLLECTION, period.toString(), doc.get(AggregateStore.VERSION, Number.class).longValue(),
                doc.get(AggregateStore.EVENT_SEQ, Number.class).longValue(), change.apply(doc), events);
    }

    /** The frozen bulletins of every period that has one (one small document per period). */
    public List<Document> bulletins() {
        Query query = new Query(Criteria.where("bulletin").exists(true));
        query.fields().include("bulletin");
        return mongo.find(query, Document.class, COLLECTION);
    }

    public Document find(YearMonth period) {
        Query byId = new Query(Criteria.where("_id").is(period.toString()));
        byId.fields().exclude("outbox").exclude(AggregateStore.RECENT_CHANGES);
        return mongo.findOne(byId, Document.class, COLLECTION);
    }

    /** The period's document with only one sequence (and the store's fields) read. */
    private Document load(YearMonth period, UnitKind kind) {
        Query byId = new Query(Criteria.where("_id").is(period.toString()));
        byId.fields().include("sequences." + kind.name()).include(AggregateStore.VERSION)
                .include(AggregateStore.EVENT_SEQ);
        Document doc = mongo.findOne(byId, Document.class, COLLECTION);
        if (doc == null) {
            doc = load(period);
        }
        if (doc.get("sequences") == null) {
            doc.put("sequences", new Document());
        }
        return doc;
    }

    public Document load(YearMonth period) {
        Document doc = find(period);
        if (doc != null) {
            return doc;
        }
        try {
            store.insert(COLLECTION, new Document("_id", period.toString()).append("sequences", new Document()),
                    List.of());
        } catch (DuplicateKeyException e) {
            // created concurrently
        }
        return find(period);
    }

    private static boolean unchanged(Document published, Map<String, UnitDirectory.Unit> sequence,
                                     Map<String, Contribution> totals) {
        if (!published.keySet().equals(sequence.keySet())) {
            return false;
        }
        for (UnitDirectory.Unit unit : sequence.values()) {
            Document p = published.get(unit.code(), Document.class);
            if (!unit.name().equals(p.getString("name")) || !Documents.read(p.get("total"), Contribution.class)
                    .sameAs(totals.getOrDefault(unit.code(), Contribution.NONE))) {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static Set<String> set(Document seq, String field) {
        List<String> values = seq == null ? null : (List<String>) seq.get(field);
        return values == null ? Set.of() : new java.util.TreeSet<>(values);
    }
}
