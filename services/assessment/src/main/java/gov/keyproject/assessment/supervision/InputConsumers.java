package gov.keyproject.assessment.supervision;

import gov.keyproject.assessment.bulletins.Bulletins;
import gov.keyproject.platform.consumer.EventMessages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

/**
 * The topics assessment reads (no calls on the event path): registry units and projects, the statistics bureau's
 * feed, promotion deals, and period closes. Each consumer is idempotent; a failing event is retried and then goes
 * to its dead-letter topic (binder configuration).
 */
@Configuration(proxyBeanMethods = false)
class InputConsumers {

    @Bean
    Consumer<Message<byte[]>> unitEvents(Supervisor supervisor) {
        return EventMessages.consumer(supervisor::onUnitEvent);
    }

    @Bean
    Consumer<Message<byte[]>> projectEvents(Supervisor supervisor) {
        return EventMessages.consumer(supervisor::onProjectEvent);
    }

    @Bean
    Consumer<Message<byte[]>> feedEntries(Supervisor supervisor) {
        return EventMessages.consumer(supervisor::onEntered);
    }

    @Bean
    Consumer<Message<byte[]>> dealEvents(Supervisor supervisor) {
        return EventMessages.consumer(supervisor::onDealEvent);
    }

    @Bean
    Consumer<Message<byte[]>> periodEvents(Bulletins bulletins) {
        return EventMessages.consumer(bulletins::onPeriodEvent);
    }
}
