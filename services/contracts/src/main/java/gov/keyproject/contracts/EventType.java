package gov.keyproject.contracts;

import gov.keyproject.contracts.project.PhotoAttached;
import gov.keyproject.contracts.project.ProblemAssigned;
import gov.keyproject.contracts.project.ProblemRaised;
import gov.keyproject.contracts.project.ProblemResolved;
import gov.keyproject.contracts.project.ProgressReported;
import gov.keyproject.contracts.project.ProjectChanged;
import gov.keyproject.contracts.project.ProjectPhaseChanged;
import gov.keyproject.contracts.project.ProjectRegistered;
import gov.keyproject.contracts.promotion.DealChanged;
import gov.keyproject.contracts.promotion.DealLanded;
import gov.keyproject.contracts.promotion.DealRegistered;
import gov.keyproject.contracts.promotion.DealSigned;
import gov.keyproject.contracts.promotion.DealStageChanged;
import gov.keyproject.contracts.promotion.DealTerminated;
import gov.keyproject.contracts.promotion.FundsArrived;
import gov.keyproject.contracts.promotion.PaperProjectCleared;
import gov.keyproject.contracts.promotion.PaperProjectFlagged;
import gov.keyproject.contracts.registry.UnitChanged;
import gov.keyproject.contracts.statistics.ClosedPeriodAmended;
import gov.keyproject.contracts.statistics.InvestmentEntered;
import gov.keyproject.contracts.statistics.PeriodClosed;
import gov.keyproject.contracts.statistics.ProjectFiguresUpdated;
import gov.keyproject.contracts.statistics.UnitFiguresUpdated;
import gov.keyproject.contracts.registry.UnitRegistered;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The catalogue of event types: the versioned CloudEvents type, its topic and its record.
 * A new version of an event is a new entry (…​.v2), never a change to an old one.
 */
public enum EventType {

    UNIT_REGISTERED("gov.keyproject.registry.UnitRegistered.v1", Topics.REGISTRY_UNIT_EVENTS, UnitRegistered.class),
    UNIT_CHANGED("gov.keyproject.registry.UnitChanged.v1", Topics.REGISTRY_UNIT_EVENTS, UnitChanged.class),
    PROJECT_REGISTERED("gov.keyproject.registry.ProjectRegistered.v1", Topics.REGISTRY_PROJECT_EVENTS,
            ProjectRegistered.class),
    PROJECT_CHANGED("gov.keyproject.registry.ProjectChanged.v1", Topics.REGISTRY_PROJECT_EVENTS, ProjectChanged.class),
    PROJECT_PHASE_CHANGED("gov.keyproject.registry.ProjectPhaseChanged.v1", Topics.REGISTRY_PROJECT_EVENTS,
            ProjectPhaseChanged.class),
    PROGRESS_REPORTED("gov.keyproject.registry.ProgressReported.v1", Topics.REGISTRY_PROJECT_EVENTS,
            ProgressReported.class),
    PROBLEM_RAISED("gov.keyproject.registry.ProblemRaised.v1", Topics.REGISTRY_PROJECT_EVENTS, ProblemRaised.class),
    PROBLEM_ASSIGNED("gov.keyproject.registry.ProblemAssigned.v1", Topics.REGISTRY_PROJECT_EVENTS,
            ProblemAssigned.class),
    PROBLEM_RESOLVED("gov.keyproject.registry.ProblemResolved.v1", Topics.REGISTRY_PROJECT_EVENTS,
            ProblemResolved.class),
    PHOTO_ATTACHED("gov.keyproject.registry.PhotoAttached.v1", Topics.REGISTRY_PROJECT_EVENTS, PhotoAttached.class),
    DEAL_REGISTERED("gov.keyproject.promotion.DealRegistered.v1", Topics.PROMOTION_DEAL_EVENTS, DealRegistered.class),
    DEAL_CHANGED("gov.keyproject.promotion.DealChanged.v1", Topics.PROMOTION_DEAL_EVENTS, DealChanged.class),
    DEAL_STAGE_CHANGED("gov.keyproject.promotion.DealStageChanged.v1", Topics.PROMOTION_DEAL_EVENTS,
            DealStageChanged.class),
    DEAL_SIGNED("gov.keyproject.promotion.DealSigned.v1", Topics.PROMOTION_DEAL_EVENTS, DealSigned.class),
    FUNDS_ARRIVED("gov.keyproject.promotion.FundsArrived.v1", Topics.PROMOTION_DEAL_EVENTS, FundsArrived.class),
    DEAL_TERMINATED("gov.keyproject.promotion.DealTerminated.v1", Topics.PROMOTION_DEAL_EVENTS, DealTerminated.class),
    PAPER_PROJECT_FLAGGED("gov.keyproject.promotion.PaperProjectFlagged.v1", Topics.PROMOTION_DEAL_EVENTS,
            PaperProjectFlagged.class),
    PAPER_PROJECT_CLEARED("gov.keyproject.promotion.PaperProjectCleared.v1", Topics.PROMOTION_DEAL_EVENTS,
            PaperProjectCleared.class),
    DEAL_LANDED("gov.keyproject.promotion.DealLanded.v1", Topics.PROMOTION_DEAL_EVENTS, DealLanded.class),
    INVESTMENT_ENTERED("gov.keyproject.feed.InvestmentEntered.v1", Topics.STATISTICS_FEED, InvestmentEntered.class),
    PROJECT_FIGURES_UPDATED("gov.keyproject.statistics.ProjectFiguresUpdated.v1", Topics.STATISTICS_FIGURE_EVENTS,
            ProjectFiguresUpdated.class),
    UNIT_FIGURES_UPDATED("gov.keyproject.statistics.UnitFiguresUpdated.v1", Topics.STATISTICS_FIGURE_EVENTS,
            UnitFiguresUpdated.class),
    INVESTMENT_ENTRY_RECORDED("gov.keyproject.statistics.InvestmentEntryRecorded.v1",
            Topics.STATISTICS_ENTRY_EVENTS, gov.keyproject.contracts.statistics.InvestmentEntryRecorded.class),
    PERIOD_CLOSED("gov.keyproject.statistics.PeriodClosed.v1", Topics.STATISTICS_PERIOD_EVENTS, PeriodClosed.class),
    COLOUR_CHANGED("gov.keyproject.assessment.ColourChanged.v1", Topics.ASSESSMENT_SUPERVISION_EVENTS,
            gov.keyproject.contracts.assessment.ColourChanged.class),
    NOTICE_ISSUED("gov.keyproject.assessment.NoticeIssued.v1", Topics.ASSESSMENT_SUPERVISION_EVENTS,
            gov.keyproject.contracts.assessment.NoticeIssued.class),
    NOTICE_CHANGED("gov.keyproject.assessment.NoticeChanged.v1", Topics.ASSESSMENT_SUPERVISION_EVENTS,
            gov.keyproject.contracts.assessment.NoticeChanged.class),
    RANKING_PUBLISHED("gov.keyproject.assessment.RankingPublished.v1", Topics.ASSESSMENT_RANKING_EVENTS,
            gov.keyproject.contracts.assessment.RankingPublished.class),
    BULLETIN_PUBLISHED("gov.keyproject.assessment.BulletinPublished.v1", Topics.ASSESSMENT_RANKING_EVENTS,
            gov.keyproject.contracts.assessment.BulletinPublished.class),
    CLOSED_PERIOD_AMENDED("gov.keyproject.statistics.ClosedPeriodAmended.v1", Topics.STATISTICS_PERIOD_EVENTS,
            ClosedPeriodAmended.class);

    private static final Map<String, EventType> BY_TYPE =
            Arrays.stream(values()).collect(Collectors.toMap(EventType::type, Function.identity()));
    private static final Map<Class<?>, EventType> BY_CLASS =
            Arrays.stream(values()).collect(Collectors.toMap(EventType::recordClass, Function.identity()));

    private final String type;
    private final String topic;
    private final Class<? extends DomainEvent> recordClass;

    EventType(String type, String topic, Class<? extends DomainEvent> recordClass) {
        this.type = type;
        this.topic = topic;
        this.recordClass = recordClass;
    }

    public String type() {
        return type;
    }

    public String topic() {
        return topic;
    }

    public Class<? extends DomainEvent> recordClass() {
        return recordClass;
    }

    /** The producing service, the first segment after {@code gov.keyproject}. */
    public String producer() {
        return type.split("\\.")[2];
    }

    /** Resource path of the JSON schema of the whole envelope of this type. */
    public String schemaResource() {
        return "/schemas/" + type + ".schema.json";
    }

    public static EventType of(Class<?> recordClass) {
        EventType t = BY_CLASS.get(recordClass);
        if (t == null) {
            throw new IllegalArgumentException("not a catalogued event record: " + recordClass.getName());
        }
        return t;
    }

    public static java.util.Optional<EventType> ofType(String type) {
        return java.util.Optional.ofNullable(BY_TYPE.get(type));
    }
}
