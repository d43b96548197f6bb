package gov.keyproject.registry.unit;

import gov.keyproject.contracts.UnitKind;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * 责任单位: a township/street, department or development zone that carries projects and deals and is ranked in its
 * kind's sequence. Plain domain object: no framework types.
 */
public record Unit(String code, String name, UnitKind kind, String contactPerson, String contactPhone) {

    static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{1,31}");

    public Unit {
        Objects.requireNonNull(kind, "kind");
        if (code == null || !CODE.matcher(code).matches()) {
            throw new UnitRuleViolation("code", "单位编码须为 2–32 位字母、数字或连字符");
        }
        if (name == null || name.isBlank() || name.length() > 64) {
            throw new UnitRuleViolation("name", "单位名称不能为空且不超过 64 字");
        }
        checkText("name", name, 64);
        checkText("contactPerson", contactPerson, 32);
        checkText("contactPhone", contactPhone, 20);
    }

    /** The registry's text rules (no control characters, no MongoDB operators), reported against this unit's field. */
    private static void checkText(String field, String value, int max) {
        try {
            gov.keyproject.registry.project.Texts.optional(field, value, max);
        } catch (gov.keyproject.registry.project.ProjectRuleViolation e) {
            throw new UnitRuleViolation(field, e.getMessage());
        }
    }

    public Unit rename(String newName, UnitKind newKind) {
        return new Unit(code, newName, newKind, contactPerson, contactPhone);
    }

    public Unit withContact(String person, String phone) {
        return new Unit(code, name, kind, person, phone);
    }

    /** Field-by-field differences, for the trail. */
    public Map<String, Object[]> diff(Unit after) {
        Map<String, Object[]> d = new LinkedHashMap<>();
        if (!name.equals(after.name)) {
            d.put("name", new Object[]{name, after.name});
        }
        if (kind != after.kind) {
            d.put("kind", new Object[]{kind, after.kind});
        }
        if (!Objects.equals(contactPerson, after.contactPerson)) {
            d.put("contactPerson", new Object[]{contactPerson, after.contactPerson});
        }
        if (!Objects.equals(contactPhone, after.contactPhone)) {
            d.put("contactPhone", new Object[]{contactPhone, after.contactPhone});
        }
        return d;
    }

    /** A unit rule broken by a request; names the field. */
    public static final class UnitRuleViolation extends RuntimeException {
        private final String field;

        public UnitRuleViolation(String field, String reason) {
            super(reason);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}
