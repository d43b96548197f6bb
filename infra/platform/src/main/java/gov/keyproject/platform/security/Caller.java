package gov.keyproject.platform.security;

import gov.keyproject.platform.web.ApiProblem;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.EnumSet;
import java.util.Set;

/** The authenticated caller of the current request: subject, unit (for unit-scoped roles) and roles. */
public record Caller(String subject, String unit, Set<Role> roles) {

    public static final String UNIT_CLAIM = "unit";
    public static final String ROLES_CLAIM = "roles";

    public static Caller current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof JwtAuthenticationToken jwt) {
            Set<Role> roles = EnumSet.noneOf(Role.class);
            auth.getAuthorities().forEach(a -> {
                for (Role r : Role.values()) {
                    if (r.authority().equals(a.getAuthority())) {
                        roles.add(r);
                    }
                }
            });
            return new Caller(jwt.getName(), jwt.getToken().getClaimAsString(UNIT_CLAIM), roles);
        }
        return new Caller("system", null, EnumSet.noneOf(Role.class));
    }

    public boolean is(Role role) {
        return roles.contains(role);
    }

    public boolean isOperator() {
        return is(Role.OPERATOR);
    }

    /** Operators may act on any unit; unit-scoped callers only on their own. */
    public boolean mayActFor(String unitCode) {
        return isOperator() || (unit != null && unit.equals(unitCode));
    }

    /** @throws ApiProblem 403 when the caller may not act for this unit */
    public void requireUnit(String unitCode) {
        if (!mayActFor(unitCode)) {
            throw ApiProblem.forbidden("调用方仅可操作本单位 (" + unit + ") 的数据，不能操作单位 " + unitCode);
        }
    }

    /** Name recorded in trails (痕迹): subject, with the unit when there is one. */
    public String actor() {
        return unit == null ? subject : subject + "@" + unit;
    }
}
