package gov.keyproject.assessment.ranking;

/**
 * Weights, penalties and list sizes of the ranking (DOMAIN §5), configuration with these defaults.
 */
public record ScoreRules(int investmentWeight, int startResumeWeight, int fundsWeight, int milestonesWeight,
                         int openYellowPenalty, int openRedPenalty, int overduePenalty, int paperProjectPenalty,
                         int maxListSize) {

    public static final ScoreRules DEFAULTS = new ScoreRules(40, 20, 20, 20, 2, 5, 3, 5, 3);

    public ScoreRules {
        if (investmentWeight < 0 || startResumeWeight < 0 || fundsWeight < 0 || milestonesWeight < 0
                || investmentWeight + startResumeWeight + fundsWeight + milestonesWeight == 0) {
            throw new IllegalArgumentException("weights must be non-negative and not all zero");
        }
        if (maxListSize < 0) {
            throw new IllegalArgumentException("list size must be non-negative");
        }
    }
}
