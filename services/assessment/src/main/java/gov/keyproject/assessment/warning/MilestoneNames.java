package gov.keyproject.assessment.warning;

import gov.keyproject.contracts.project.MilestoneKind;

/** The Chinese names officials use for milestones (时间节点). */
public final class MilestoneNames {

    private MilestoneNames() {
    }

    public static String of(MilestoneKind kind) {
        return switch (kind) {
            case PROJECT_APPROVAL -> "立项";
            case FEASIBILITY_APPROVAL -> "可研批复";
            case LAND_PRE_EXAMINATION -> "用地预审";
            case ENVIRONMENTAL_APPROVAL -> "环评批复";
            case PLANNING_PERMIT -> "规划许可";
            case CONSTRUCTION_PERMIT -> "施工许可";
            case START -> "开工";
            case MAIN_STRUCTURE_COMPLETED -> "主体完工";
            case COMPLETION_ACCEPTANCE -> "竣工验收";
            case PRODUCTION -> "投产";
        };
    }
}
