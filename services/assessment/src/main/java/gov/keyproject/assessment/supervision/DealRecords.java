package gov.keyproject.assessment.supervision;

import gov.keyproject.assessment.ranking.Contribution;
import gov.keyproject.assessment.ranking.Contributions;
import gov.keyproject.contracts.DomainEvent;
import gov.keyproject.contracts.EventCodec;
import gov.keyproject.contracts.EventEnvelope;
import gov.keyproject.contracts.promotion.DealChanged;
import gov.keyproject.contracts.promotion.DealRegistered;
import gov.keyproject.contracts.promotion.DealSigned;
import gov.keyproject.contracts.promotion.DealSnapshot;
import gov.keyproject.contracts.promotion.DealStage;
import gov.keyproject.contracts.promotion.DealStageChanged;
import gov.keyproject.contracts.promotion.DealTerminated;
import gov.keyproject.contracts.promotion.FundsArrived;
import gov.keyproject.contracts.promotion.PaperProjectCleared;
import gov.keyproject.contracts.promotion.PaperProjectFlagged;
import gov.keyproject.platform.consumer.IdempotentWriter;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Promotion deals as assessment needs them (资金到位率 and 纸上项目 per unit), one document per deal, applied in the
 * deal's event order.
 */
@Component
public class DealRecords {

    static final String COLLECTION = "deals";

    /** What the ranking needs of a deal. */
    public record DealRecord(String dealId, String company, String unitCode, boolean reachedSigned,
                             boolean terminated, BigDecimal agreed, BigDecimal fundsArrived, LocalDate signedOn,
                             boolean paperProject, LocalDate flaggedOn, List<String> formerUnits) {

        public Contribution contribution() {
            return Contributions.ofDeal(reachedSigned, terminated, agreed, fundsArrived, paperProject);
        }
    }

    private final MongoTemplate mongo;
    private final IdempotentWriter writer;

    DealRecords(MongoTemplate mongo, IdempotentWriter writer) {
        this.mongo = mongo;
        this.writer = writer;
    }

    /** Applies a deal event in order; the deal id when it was applied, empty for a duplicate or a stale event. */
    Optional<String> apply(EventEnvelope event) {
        DomainEvent data = EventCodec.data(event);
        Update update = new Update();
        String id;
        if (data instanceof DealRegistered r) {
            id = snapshot(update, r.deal());
        } else if (data instanceof DealChanged c) {
            id = snapshot(update, c.deal());
        } else if (data instanceof DealStageChanged s) {
            id = snapshot(update, s.deal());
        } else if (data instanceof DealSigned s) {
            id = s.dealId();
            update.set("unitCode", s.unitCode()).set("reachedSigned", true)
                    .set("agreed", s.agreedInvestment().toPlainString()).set("signedOn", s.signedOn().toString());
        } else if (data instanceof FundsArrived f) {
            id = f.dealId();
            update.set("unitCode", f.unitCode()).set("fundsArrived", f.totalArrived().toPlainString());
        } else if (data instanceof DealTerminated t) {
            id = t.dealId();
            update.set("unitCode", t.unitCode()).set("terminated", true);
        } else if (data instanceof PaperProjectFlagged f) {
            id = f.dealId();
            update.set("unitCode", f.unitCode()).set("paperProject", true).set("flaggedOn", f.flaggedOn().toString());
        } else if (data instanceof PaperProjectCleared c) {
            id = c.dealId();
            update.set("unitCode", c.unitCode()).set("paperProject", false);
        } else {
            return Optional.empty(); // DealLanded: the registry turns it into a project
        }
        Document before = mongo.findById(id, Document.class, COLLECTION);
        String newUnit = (String) update.getUpdateObject().get("$set", Document.class).get("unitCode");
        if (before != null && before.getString("unitCode") != null && newUnit != null
                && !newUnit.equals(before.getString("unitCode"))) {
            update.addToSet("formerUnits", before.getString("unitCode"));
        }
        return writer.applyInOrder(COLLECTION, id, event, update) ? Optional.of(id) : Optional.empty();
    }

    private static String snapshot(Update update, DealSnapshot d) {
        update.set("company", d.company()).set("unitCode", d.unitCode())
                .set("reachedSigned", d.reached().containsKey(DealStage.SIGNED))
                .set("terminated", d.stage() == DealStage.TERMINATED)
                .set("agreed", d.agreedInvestment() == null ? null : d.agreedInvestment().toPlainString())
                .set("fundsArrived", d.fundsArrived() == null ? "0" : d.fundsArrived().toPlainString())
                .set("signedOn", d.signedOn() == null ? null : d.signedOn().toString())
                .set("paperProject", d.paperProject());
        return d.dealId();
    }

    public Optional<DealRecord> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Document.class, COLLECTION)).map(DealRecords::read);
    }

    public List<DealRecord> all() {
        List<DealRecord> all = new ArrayList<>();
        mongo.findAll(Document.class, COLLECTION).forEach(d -> all.add(read(d)));
        return all;
    }

    @SuppressWarnings("unchecked")
    private static DealRecord read(Document d) {
        List<String> former = (List<String>) d.get("formerUnits");
        return new DealRecord(d.getString("_id"), d.getString("company"), d.getString("unitCode"),
                Boolean.TRUE.equals(d.getBoolean("reachedSigned")), Boolean.TRUE.equals(d.getBoolean("terminated")),
                decimal(d, "agreed"), decimal(d, "fundsArrived"), date(d, "signedOn"),
                Boolean.TRUE.equals(d.getBoolean("paperProject")), date(d, "flaggedOn"),
                former == null ? List.of() : former);
    }

    private static BigDecimal decimal(Document d, String field) {
        String v = d.getString(field);
        return v == null ? null : new BigDecimal(v);
    }

    private static LocalDate date(Document d, String field) {
        String v = d.getString(field);
        return v == null ? null : LocalDate.parse(v);
    }
}
