package gov.keyproject.assessment.bulletin;

import gov.keyproject.contracts.UnitKind;
import gov.keyproject.contracts.assessment.BulletinPublished;
import gov.keyproject.contracts.assessment.RankingPublished;

import java.util.Map;

/**
 * Everything a monthly bulletin (月度通报) shows, all of it from events: the frozen bulletin, the rankings it pins
 * (one per sequence) and the rankings the previous period's bulletin pinned (to show each unit's move since then).
 * The exports are pure functions of this, so a bulletin rebuilt from the event history is byte-identical.
 */
public record BulletinReport(BulletinPublished bulletin, Map<UnitKind, RankingPublished> rankings,
                             Map<UnitKind, RankingPublished> previousRankings) {

    public BulletinReport {
        rankings = Map.copyOf(rankings);
        previousRankings = Map.copyOf(previousRankings);
    }
}
