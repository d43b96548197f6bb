package gov.keyproject.contracts.assessment;

import gov.keyproject.contracts.DomainEvent;
import gov.keyproject.contracts.UnitKind;
import gov.keyproject.contracts.statistics.FigureValues;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * 月度通报: the bulletin of {@code period}, frozen when the period closed. Its rankings are the last
 * {@link RankingPublished} of each sequence up to {@code rankingVersions} on the same partition, so the bulletin can
 * be rebuilt from the event history; the rest of what it shows is carried here. {@code xlsxSha256} and
 * {@code htmlSha256} are the digests of the exports issued, which a rebuild must reproduce byte for byte.
 */
public record BulletinPublished(YearMonth period, LocalDate asOf, Instant closedAt, String closedBy,
                                FigureValues statistics, Map<UnitKind, Long> rankingVersions,
                                Map<WarningColour, Integer> colourCounts, List<NoticeLine> noticesIssued,
                                List<NoticeLine> noticesOverdue, List<NoticeLine> noticesClosed,
                                List<PaperProjectLine> paperProjects, List<AmendmentLine> amendments,
                                String xlsxSha256, String htmlSha256) implements DomainEvent {
    public BulletinPublished {
        rankingVersions = Map.copyOf(rankingVersions);
        colourCounts = Map.copyOf(colourCounts);
        noticesIssued = List.copyOf(noticesIssued);
        noticesOverdue = List.copyOf(noticesOverdue);
        noticesClosed = List.copyOf(noticesClosed);
        paperProjects = List.copyOf(paperProjects);
        amendments = List.copyOf(amendments);
    }

    @Override
    public String aggregateId() {
        return period.toString();
    }

    /** A notice as the bulletin lists it. */
    public record NoticeLine(String noticeId, String projectCode, String projectName, String unitCode,
                             WarningColour colour, String status, LocalDate issuedOn, LocalDate deadline) {
    }

    /** A flagged 纸上项目. */
    public record PaperProjectLine(String dealId, String company, String unitCode, BigDecimal agreedInvestment,
                                   LocalDate signedOn, LocalDate flaggedOn) {
    }

    /** A late change to an earlier closed period (更正), listed with this bulletin. */
    public record AmendmentLine(YearMonth period, String projectCode, String unitCode, String what,
                                BigDecimal frozenYtdCompleted, BigDecimal liveYtdCompleted) {
    }
}
