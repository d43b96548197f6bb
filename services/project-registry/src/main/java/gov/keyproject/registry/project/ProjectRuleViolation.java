package gov.keyproject.registry.project;

/** A request broke a project rule; names the offending field. Answered with 400. */
public class ProjectRuleViolation extends RuntimeException {

    private final String field;

    public ProjectRuleViolation(String field, String reason) {
        super(reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
