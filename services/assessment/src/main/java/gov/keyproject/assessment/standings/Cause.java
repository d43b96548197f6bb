package gov.keyproject.assessment.standings;

/**
 * What moved a ranking: a project ({@code P:<code>}), a deal ({@code D:<id>}), a unit, a list change or a sweep,
 * with the zh-CN words a unit reads in its explanation.
 */
public record Cause(String key, String label) {

    public static Cause project(String code, String what) {
        return new Cause("P:" + code, "项目 " + code + (what == null ? "" : "（" + what + "）"));
    }

    public static Cause deal(String id, String what) {
        return new Cause("D:" + id, "招商项目 " + id + (what == null ? "" : "（" + what + "）"));
    }
}
