package gov.keyproject.promotion.deals;

import gov.keyproject.contracts.project.ProjectCategory;
import gov.keyproject.contracts.promotion.DealStage;
import gov.keyproject.platform.security.Caller;
import gov.keyproject.platform.security.Role;
import gov.keyproject.platform.trail.TrailEntry;
import gov.keyproject.platform.web.ApiProblem;
import gov.keyproject.promotion.deal.Contact;
import gov.keyproject.promotion.deal.Deal;
import gov.keyproject.promotion.deal.DealDetails;
import gov.keyproject.promotion.deal.DealSource;
import gov.keyproject.promotion.deal.DealState;
import gov.keyproject.promotion.deal.Landing;
import gov.keyproject.promotion.deal.PromotionRates;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

@RestController
@Tag(name = "招商项目 Deals", description = "The 招商引资 pipeline: talks, signing, funds, landing, production")
class DealController {

    private final DealService deals;

    DealController(DealService deals) {
        this.deals = deals;
    }

    @Schema(description = "登记招商项目 (线索)", example = """
            {"company": "某某智能科技有限公司", "industry": "高端装备", "source": {"kind": "FAIR", "fairName": "青洽会"},
             "intendedInvestment": 30000, "unitCode": "ZN-01",
             "contacts": [{"name": "张经理", "phone": "13800000000"}]}""")
    record RegisterDeal(String id, String company, String industry, DealSource source, BigDecimal intendedInvestment,
                        String unitCode, List<Contact> contacts, LocalDate registeredOn) {
        DealDetails details() {
            return new DealDetails(company, industry, source, intendedInvestment, unitCode, contacts);
        }
    }

    @Schema(description = "签约: 协议投资额 (万元) 与签约日期", example = """
            {"agreedAmount": 30000, "signedOn": "2026-05-20"}""")
    record Sign(BigDecimal agreedAmount, LocalDate signedOn) {
    }

    @Schema(description = "资金到位 (一笔)", example = """
            {"arrivedOn": "2026-08-01", "amount": 5000}""")
    record Funds(LocalDate arrivedOn, BigDecimal amount) {
    }

    @Schema(description = "落地: 生成项目库项目 (拟开工)", example = """
            {"landedOn": "2026-09-01", "projectCode": null, "projectName": "智能装备制造基地", "category": "INDUSTRIAL",
             "plannedStart": "2026-12-01"}""")
    record Land(LocalDate landedOn, String projectCode, String projectName, ProjectCategory category,
                LocalDate plannedStart, LocalDate plannedCompletion) {
    }

    @Schema(description = "终止及原因", example = """
            {"terminatedOn": "2026-10-10", "reason": "企业投资计划调整"}""")
    record Terminate(LocalDate terminatedOn, String reason) {
    }

    @PostMapping("/api/v1/deals")
    @PreAuthorize("hasAnyRole('OPERATOR', 'PROMOTION_STAFF')")
    @Operation(summary = "登记招商项目 (operators, or promotion staff for their own unit)")
    ResponseEntity<DealState> register(@RequestBody RegisterDeal body) {
        Caller caller = Caller.current();
        caller.requireUnit(body.unitCode());
        String id = body.id() != null ? body.id()
                : "D-" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        Deal deal = deals.register(id, body.details(), body.registeredOn(), caller.actor());
        return ResponseEntity.created(URI.create("/api/v1/deals/" + deal.id())).body(deal.state());
    }

    @GetMapping("/api/v1/deals")
    @Operation(summary = "招商项目列表; promotion staff and unit systems see their own unit's")
    List<DealState> list(@RequestParam(required = false) String unit, @RequestParam(required = false) DealStage stage) {
        Caller caller = Caller.current();
        String scope = unitScoped(caller) ? caller.unit() : unit;
        return deals.list(scope, stage).stream().map(Deal::state).toList();
    }

    @GetMapping("/api/v1/deals/{id}")
    @Operation(summary = "查看招商项目")
    DealState get(@PathVariable String id) {
        Deal deal = deals.get(id);
        requireRead(Caller.current(), deal);
        return deal.state();
    }

    @GetMapping("/api/v1/deals/{id}/trail")
    @Operation(summary = "招商项目变更痕迹")
    List<TrailEntry> trail(@PathVariable String id) {
        requireRead(Caller.current(), deals.get(id));
        return deals.trail(id);
    }

    @PutMapping("/api/v1/deals/{id}")
    @PreAuthorize("hasAnyRole('OPERATOR', 'PROMOTION_STAFF')")
    @Operation(summary = "修改招商项目信息")
    DealState update(@PathVariable String id, @RequestBody RegisterDeal body) {
        if (body.id() != null && !body.id().equals(id)) {
            throw ApiProblem.badRequest("id", "与路径中的编号不一致 (a deal's id cannot be changed)");
        }
        Caller caller = Caller.current();
        caller.requireUnit(body.unitCode());
        return command(id, caller, d -> d.update(body.details()));
    }

    @PostMapping("/api/v1/deals/{id}/signing")
    @PreAuthorize("hasAnyRole('OPERATOR', 'PROMOTION_STAFF')")
    @Operation(summary = "签约")
    DealState sign(@PathVariable String id, @RequestBody Sign body) {
        return command(id, Caller.current(), d -> d.sign(body.agreedAmount(), body.signedOn(), deals.today()));
    }

    @PostMapping("/api/v1/deals/{id}/funds")
    @PreAuthorize("hasAnyRole('OPERATOR', 'PROMOTION_STAFF')")
    @Operation(summary = "资金到位 (分笔)")
    DealState funds(@PathVariable String id, @RequestBody Funds body) {
        return command(id, Caller.current(), d -> d.recordFunds(body.arrivedOn(), body.amount(), deals.today()));
    }

    @PostMapping("/api/v1/deals/{id}/landing")
    @PreAuthorize("hasAnyRole('OPERATOR', 'PROMOTION_STAFF')")
    @Operation(summary = "落地: publishes DealLanded, and the registry creates the project (exactly once)")
    DealState land(@PathVariable String id, @RequestBody Land body) {
        return command(id, Caller.current(), d -> d.land(new Landing(body.landedOn(), body.projectCode(),
                body.projectName(), body.category(), body.plannedStart(), body.plannedCompletion()), deals.today()));
    }

    @PostMapping("/api/v1/deals/{id}/termination")
    @PreAuthorize("hasAnyRole('OPERATOR', 'PROMOTION_STAFF')")
    @Operation(summary = "终止")
    DealState terminate(@PathVariable String id, @RequestBody Terminate body) {
        return command(id, Caller.current(), d -> d.terminate(body.terminatedOn(), body.reason(), deals.today()));
    }

    @GetMapping("/api/v1/deals/rates")
    @Operation(summary = "履约率、资金到位率、签约项目开工率 (overall, or one unit)")
    PromotionRates.Summary rates(@RequestParam(required = false) String unit) {
        return PromotionRates.overall(deals.list(unit, null), deals.today());
    }

    @GetMapping("/api/v1/deals/funnel")
    @Operation(summary = "招商漏斗: deals that reached each stage, month by month")
    List<PromotionRates.Funnel> funnel(@RequestParam YearMonth from, @RequestParam YearMonth to) {
        if (to.isBefore(from) || from.plusYears(5).isBefore(to)) {
            throw ApiProblem.badRequest("to", "月份区间不正确 (至多 5 年)");
        }
        return PromotionRates.funnels(deals.list(null, null), from, to);
    }

    @PostMapping("/api/v1/deals/paper-sweep")
    @PreAuthorize("hasRole('OPERATOR')")
    @Operation(summary = "纸上项目排查 (also runs daily): flags deals signed ≥ 181 days ago and not landed")
    List<String> sweep() {
        return deals.sweepPaperProjects(Caller.current().actor());
    }

    private DealState command(String id, Caller caller, java.util.function.Function<Deal, Deal.Change> command) {
        return deals.execute(id, d -> {
            caller.requireUnit(d.unitCode());
            return command.apply(d);
        }, caller.actor()).after().state();
    }

    private static boolean unitScoped(Caller caller) {
        return !caller.isOperator() && (caller.is(Role.PROMOTION_STAFF) || caller.is(Role.UNIT_SYSTEM));
    }

    private static void requireRead(Caller caller, Deal deal) {
        if (unitScoped(caller) && !deal.unitCode().equals(caller.unit())) {
            throw ApiProblem.forbidden("只能查看本单位 (" + caller.unit() + ") 的招商项目");
        }
    }
}
