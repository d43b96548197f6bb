package gov.keyproject.contracts.assessment;

/** 红黄绿预警: the colour of a project, from the highest level among the reasons that fire (GREEN when none does). */
public enum WarningColour {
    GREEN, YELLOW, RED;

    public String label() {
        return switch (this) {
            case GREEN -> "绿";
            case YELLOW -> "黄";
            case RED -> "红";
        };
    }
}
