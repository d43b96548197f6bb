package gov.keyproject.registry.project;

import gov.keyproject.platform.security.Caller;
import gov.keyproject.platform.security.Role;
import gov.keyproject.platform.web.ApiProblem;

/** Who may see and change a project: operators everything, unit systems their own unit's projects, others read. */
final class ProjectAccess {

    private ProjectAccess() {
    }

    static boolean unitScoped(Caller caller) {
        return !caller.isOperator() && (caller.is(Role.UNIT_SYSTEM) || caller.is(Role.PROMOTION_STAFF));
    }

    static void read(Caller caller, Project project) {
        if (unitScoped(caller) && !project.unitCode().equals(caller.unit())) {
            throw ApiProblem.forbidden("只能查看本单位 (" + caller.unit() + ") 的项目");
        }
    }

    static void write(Caller caller, Project project) {
        if (caller.isOperator()) {
            return;
        }
        if (caller.is(Role.UNIT_SYSTEM) && project.unitCode().equals(caller.unit())) {
            return;
        }
        throw ApiProblem.forbidden("只能填报或修改本单位 (" + caller.unit() + ") 的项目");
    }
}
