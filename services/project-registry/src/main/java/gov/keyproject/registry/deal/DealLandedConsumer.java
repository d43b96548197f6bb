package gov.keyproject.registry.deal;

import gov.keyproject.contracts.DomainEvent;
import gov.keyproject.contracts.EventCodec;
import gov.keyproject.contracts.EventEnvelope;
import gov.keyproject.contracts.project.ConstructionType;
import gov.keyproject.contracts.project.ProjectLevel;
import gov.keyproject.contracts.project.ProjectPhase;
import gov.keyproject.contracts.promotion.DealLanded;
import gov.keyproject.platform.consumer.EventMessages;
import gov.keyproject.platform.web.ApiProblem;
import gov.keyproject.registry.project.Project;
import gov.keyproject.registry.project.ProjectData;
import gov.keyproject.registry.project.ProjectService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * 招商落地 → 项目: a landed deal becomes a registry project in phase READY, linked to the deal, exactly once.
 * The project's code is the deal's filing code or {@code ZS-<dealId>}: a redelivered event finds the project it
 * created and does nothing; a code taken by a project of another deal is a real conflict and goes to the DLQ.
 */
@Configuration(proxyBeanMethods = false)
class DealLandedConsumer {

    private static final Logger log = LoggerFactory.getLogger(DealLandedConsumer.class);

    @Bean
    Consumer<Message<byte[]>> dealEvents(ProjectService projects) {
        return EventMessages.consumer(event -> apply(projects, event));
    }

    static void apply(ProjectService projects, EventEnvelope event) {
        DomainEvent data = EventCodec.data(event);
        if (!(data instanceof DealLanded landed)) {
            return; // other deal events are not the registry's business
        }
        String code = landed.projectCode() != null ? landed.projectCode() : "ZS-" + landed.dealId();
        Optional<Project> existing = projects.find(code);
        if (existing.isPresent()) {
            if (landed.dealId().equals(existing.get().state().dealId())) {
                log.debug("deal {} already has project {}", landed.dealId(), code);
                return;
            }
            throw new IllegalStateException("project code " + code + " of landed deal " + landed.dealId()
                    + " is taken by another project");
        }
        ProjectData projectData = new ProjectData(landed.projectName(), landed.category(), ProjectLevel.COUNTY,
                ConstructionType.NEW, landed.agreedInvestment(), Map.of(), landed.plannedStart(),
                landed.plannedCompletion(), null, null, null, landed.unitCode(), null, landed.company());
        try {
            projects.register(code, projectData, ProjectPhase.READY, null, landed.dealId(), "招商落地:" + landed.dealId());
            log.info("deal {} landed: project {} registered", landed.dealId(), code);
        } catch (ApiProblem e) {
            if (e.status().value() == 409 && projects.find(code).map(p -> landed.dealId().equals(p.state().dealId()))
                    .orElse(false)) {
                return; // a concurrent redelivery created it first
            }
            throw e;
        }
    }
}
