package gov.keyproject.promotion.deals;

import gov.keyproject.contracts.DomainEvent;
import gov.keyproject.contracts.EventCodec;
import gov.keyproject.contracts.EventEnvelope;
import gov.keyproject.contracts.project.ProjectPhase;
import gov.keyproject.contracts.project.ProjectPhaseChanged;
import gov.keyproject.contracts.promotion.DealStage;
import gov.keyproject.platform.consumer.EventMessages;
import gov.keyproject.promotion.deal.Deal;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The deal follows its project (DOMAIN §4): when the registry's project linked to a deal goes under construction the
 * deal moves to STARTED, when it goes into production to PRODUCING. A redelivered event finds the stage reached and
 * changes nothing. Also runs the daily paper-project sweep.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ProjectProgressConsumer {

    @Bean
    Consumer<Message<byte[]>> projectEvents(DealService deals) {
        return EventMessages.consumer(event -> apply(deals, event));
    }

    static void apply(DealService deals, EventEnvelope event) {
        DomainEvent data = EventCodec.data(event);
        if (!(data instanceof ProjectPhaseChanged moved) || moved.project().dealId() == null) {
            return;
        }
        DealStage target = moved.to() == ProjectPhase.UNDER_CONSTRUCTION ? DealStage.STARTED
                : moved.to() == ProjectPhase.IN_PRODUCTION ? DealStage.PRODUCING : null;
        if (target == null || deals.find(moved.project().dealId()).isEmpty()) {
            return; // a completed project leaves its deal at STARTED; a deal of another system is not ours
        }
        deals.execute(moved.project().dealId(), deal -> {
            if (deal.everReached(target) || deal.everReached(DealStage.TERMINATED)) {
                return new Deal.Change(deal, List.of(), "项目进展", Map.of());
            }
            return target == DealStage.STARTED ? deal.start(moved.on(), deals.today())
                    : deal.produce(moved.on(), deals.today());
        }, "项目库:" + moved.project().projectCode());
    }

    /** 纸上项目 sweep once a day, just after midnight in the offices' time zone. */
    @Bean
    DailyPaperSweep dailyPaperSweep(DealService deals) {
        return new DailyPaperSweep(deals);
    }

    record DailyPaperSweep(DealService deals) {
        @Scheduled(cron = "0 10 0 * * *", zone = "${keyproject.zone:Asia/Shanghai}")
        void run() {
            deals.sweepPaperProjects("纸上项目排查 (每日)");
        }
    }
}
