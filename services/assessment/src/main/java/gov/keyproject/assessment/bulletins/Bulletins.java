package gov.keyproject.assessment.bulletins;

import gov.keyproject.assessment.Documents;
import gov.keyproject.assessment.bulletin.BulletinPage;
import gov.keyproject.assessment.bulletin.BulletinReport;
import gov.keyproject.assessment.bulletin.BulletinWorkbook;
import gov.keyproject.assessment.notice.SupervisionNotice;
import gov.keyproject.assessment.standings.Cause;
import gov.keyproject.assessment.standings.Rankings;
import gov.keyproject.assessment.supervision.DealRecords;
import gov.keyproject.assessment.supervision.ProjectRecord;
import gov.keyproject.assessment.supervision.ProjectRecords;
import gov.keyproject.assessment.supervision.Supervisor;
import gov.keyproject.contracts.DomainEvent;
import gov.keyproject.contracts.EventCodec;
import gov.keyproject.contracts.EventEnvelope;
import gov.keyproject.contracts.UnitKind;
import gov.keyproject.contracts.assessment.BulletinPublished;
import gov.keyproject.contracts.assessment.BulletinPublished.NoticeLine;
import gov.keyproject.contracts.assessment.BulletinPublished.PaperProjectLine;
import gov.keyproject.contracts.assessment.RankingPublished;
import gov.keyproject.contracts.assessment.WarningColour;
import gov.keyproject.contracts.statistics.ClosedPeriodAmended;
import gov.keyproject.contracts.statistics.PeriodClosed;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 月度通报: frozen when the statistics service closes a period. The bulletin is written into the period's ranking
 * document (the same aggregate as the rankings it pins) with its {@link BulletinPublished} event, so the event
 * follows those rankings on the same partition. Exports are rendered from the frozen bulletin, deterministically;
 * a rebuild from the event history renders the same bytes.
 */
@Component
public class Bulletins {

    private static final Logger log = LoggerFactory.getLogger(Bulletins.class);

    private final Rankings rankings;
    private final Supervisor supervisor;
    private final ProjectRecords projects;
    private final DealRecords deals;
    private final Amendments amendments;

    Bulletins(Rankings rankings, Supervisor supervisor, ProjectRecords projects, DealRecords deals,
              Amendments amendments) {
        this.rankings = rankings;
        this.supervisor = supervisor;
        this.projects = projects;
        this.deals = deals;
        this.amendments = amendments;
    }

    /** A statistics period event: a close freezes the bulletin; an amendment is kept for the next bulletin. */
    public void onPeriodEvent(EventEnvelope event) {
        DomainEvent data = EventCodec.data(event);
        if (data instanceof PeriodClosed closed) {
            freeze(closed);
        } else if (data instanceof ClosedPeriodAmended amended) {
            amendments.record(event.id(), amended);
        }
    }

    /** Freezes the bulletin of the closed period once; a redelivered close finds it frozen and changes nothing. */
    public void freeze(PeriodClosed closed) {
        YearMonth period = closed.period();
        if (frozen(period).isPresent()) {
            return;
        }
        Cause cause = new Cause("CLOSE:" + period, period + " 月度关账");
        if (!period.equals(supervisor.assessmentPeriod())) {
            supervisor.recompute(period, cause);
        } else {
            for (UnitKind kind : UnitKind.values()) {
                rankings.refresh(period, kind, cause);
            }
        }
        for (int attempt = 1; ; attempt++) {
            Document doc = rankings.load(period);
            if (doc.containsKey("bulletin")) {
                return;
            }
            Map<UnitKind, RankingPublished> pinned = new EnumMap<>(UnitKind.class);
            Map<UnitKind, Long> versions = new EnumMap<>(UnitKind.class);
            Document sequences = doc.get("sequences", Document.class);
            for (UnitKind kind : UnitKind.values()) {
                Document seq = sequences.get(kind.name(), Document.class);
                if (seq != null) {
                    RankingPublished r = Documents.read(seq.get("ranking"), RankingPublished.class);
                    pinned.put(kind, r);
                    versions.put(kind, r.version());
                }
            }
            BulletinPublished draft = draft(closed, versions);
            BulletinReport report = new BulletinReport(draft, pinned, previousRankings(period));
            BulletinPublished bulletin = withDigests(draft, BulletinWorkbook.render(report),
                    BulletinPage.render(report).getBytes(StandardCharsets.UTF_8));
            Document frozenRankings = new Document();
            pinned.forEach((k, r) -> frozenRankings.put(k.name(), Documents.of(r)));
            try {
                rankings.update(period, d -> new Update().set("bulletin", Documents.of(bulletin))
                        .set("bulletinRankings", frozenRankings), List.of(bulletin));
                log.info("Bulletin {} frozen: xlsx {}", period, bulletin.xlsxSha256());
                return;
            } catch (OptimisticLockingFailureException e) {
                if (attempt >= 20) {
                    throw e;
                }
            }
        }
    }

    private BulletinPublished draft(PeriodClosed closed, Map<UnitKind, Long> versions) {
        YearMonth period = closed.period();
        LocalDate today = supervisor.today();
        Map<WarningColour, Integer> colours = new EnumMap<>(WarningColour.class);
        for (WarningColour c : WarningColour.values()) {
            colours.put(c, 0);
        }
        List<NoticeLine> issued = new ArrayList<>();
        List<NoticeLine> overdue = new ArrayList<>();
        List<NoticeLine> closedNotices = new ArrayList<>();
        for (ProjectRecord r : projects.all()) {
            if (r.warning().coloured()) {
                colours.merge(r.warning().colour(), 1, Integer::sum);
            }
            for (SupervisionNotice n : r.notices()) {
                NoticeLine line = new NoticeLine(n.id(), n.projectCode(), n.projectName(), n.unitCode(), n.colour(),
                        n.status(), n.issuedOn(), n.deadline());
                if (YearMonth.from(n.issuedOn()).equals(period)) {
                    issued.add(line);
                }
                if (n.open() && n.overdue()) {
                    overdue.add(line);
                }
                if (n.stage().name().equals("CLOSED") && n.trail().stream().anyMatch(s -> "CLOSE".equals(s.action())
                        && YearMonth.from(s.on()).equals(period))) {
                    closedNotices.add(line);
                }
            }
        }
        Comparator<NoticeLine> order = Comparator.comparing(NoticeLine::noticeId);
        issued.sort(order);
        overdue.sort(order);
        closedNotices.sort(order);
        List<PaperProjectLine> paper = deals.all().stream().filter(DealRecords.DealRecord::paperProject)
                .map(d -> new PaperProjectLine(d.dealId(), d.company(), d.unitCode(), d.agreed(), d.signedOn(),
                        d.flaggedOn()))
                .sorted(Comparator.comparing(PaperProjectLine::dealId)).toList();
        Instant previousClose = frozen(period.minusMonths(1)).map(BulletinPublished::closedAt).orElse(null);
        return new BulletinPublished(period, today, closed.closedAt(), closed.closedBy(), closed.total(), versions,
                colours, issued, overdue, closedNotices, paper,
                amendments.between(previousClose, closed.closedAt()), "0".repeat(64), "0".repeat(64));
    }

    private static BulletinPublished withDigests(BulletinPublished b, byte[] xlsx, byte[] html) {
        return new BulletinPublished(b.period(), b.asOf(), b.closedAt(), b.closedBy(), b.statistics(),
                b.rankingVersions(), b.colourCounts(), b.noticesIssued(), b.noticesOverdue(), b.noticesClosed(),
                b.paperProjects(), b.amendments(), sha256(xlsx), sha256(html));
    }

    /** The bulletin as its exports were rendered: before its own digests existed. */
    static BulletinPublished forRendering(BulletinPublished b) {
        String none = "0".repeat(64);
        return new BulletinPublished(b.period(), b.asOf(), b.closedAt(), b.closedBy(), b.statistics(),
                b.rankingVersions(), b.colourCounts(), b.noticesIssued(), b.noticesOverdue(), b.noticesClosed(),
                b.paperProjects(), b.amendments(), none, none);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The frozen bulletin of a period, if it has been issued. */
    public Optional<BulletinPublished> frozen(YearMonth period) {
        Document doc = rankings.find(period);
        return doc == null || !doc.containsKey("bulletin") ? Optional.empty()
                : Optional.of(Documents.read(doc.get("bulletin"), BulletinPublished.class));
    }

    /** The frozen bulletin with the rankings it pins and the previous bulletin's, ready to render. */
    public Optional<BulletinReport> report(YearMonth period) {
        return frozen(period).map(b -> new BulletinReport(forRendering(b), frozenRankings(period),
                previousRankings(period)));
    }

    private Map<UnitKind, RankingPublished> previousRankings(YearMonth period) {
        return frozenRankings(period.minusMonths(1));
    }

    private Map<UnitKind, RankingPublished> frozenRankings(YearMonth period) {
        Map<UnitKind, RankingPublished> result = new EnumMap<>(UnitKind.class);
        Document doc = rankings.find(period);
        Document frozen = doc == null ? null : doc.get("bulletinRankings", Document.class);
        if (frozen != null) {
            frozen.forEach((k, v) -> result.put(UnitKind.valueOf(k), Documents.read(v, RankingPublished.class)));
        }
        return result;
    }

    /** Periods with an issued bulletin, newest first. */
    public List<BulletinPublished> all() {
        return rankings.bulletins().stream().map(d -> Documents.read(d.get("bulletin"), BulletinPublished.class))
                .sorted(Comparator.comparing(BulletinPublished::period).reversed()).toList();
    }
}
