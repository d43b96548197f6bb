package gov.keyproject.statistics.feed;

import gov.keyproject.contracts.DomainEvent;
import gov.keyproject.contracts.EventCodec;
import gov.keyproject.contracts.EventEnvelope;
import gov.keyproject.contracts.statistics.InvestmentEntered;
import gov.keyproject.platform.consumer.EventMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.time.Clock;
import java.time.LocalDate;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The feed topic ({@code statistics.feed.v1}): each {@link InvestmentEntered} is checked like a file row and applied
 * to the {@link FeedStore}. A bad record (unknown code, future period, bad amount) is never swallowed: it fails, so the
 * binder retries it and then puts it on the dead-letter topic with the reason. A redelivery changes nothing (the
 * event id is recorded with the revision).
 */
@Configuration(proxyBeanMethods = false)
public class FeedConsumer {

    private static final Logger log = LoggerFactory.getLogger(FeedConsumer.class);

    /** A feed record that breaks a feed rule; the message is the reason (it becomes the DLQ's exception header). */
    public static final class FeedRecordRejected extends RuntimeException {
        FeedRecordRejected(String message) {
            super(message);
        }
    }

    @Bean
    Consumer<Message<byte[]>> feedEntries(FeedStore store, Clock clock) {
        return EventMessages.consumer(event -> apply(store, clock, event));
    }

    static FeedStore.Outcome apply(FeedStore store, Clock clock, EventEnvelope event) {
        DomainEvent data = EventCodec.data(event);
        if (!(data instanceof InvestmentEntered e)) {
            throw new EventCodec.MalformedEventException("statistics.feed.v1 carries InvestmentEntered only, not "
                    + event.type() + " (event " + event.id() + ")");
        }
        FeedRow.Result r = FeedRow.check(e.projectCode(), e.period(), e.amountEntered(), LocalDate.now(clock));
        if (!r.ok()) {
            throw new FeedRecordRejected("入库数据不合法 (event " + event.id() + "): " + r.errors().stream()
                    .map(err -> err.field() + ": " + err.reason()).collect(Collectors.joining("; ")));
        }
        if (!store.known(e.projectCode())) {
            FeedRow.Error err = FeedRow.unknownCode(0, e.projectCode());
            throw new FeedRecordRejected("入库数据不合法 (event " + event.id() + "): " + err.field() + ": " + err.reason());
        }
        FeedStore.Outcome outcome = store.apply(r.entry(), "topic:" + event.id());
        log.debug("feed record {} for {} {}: {}", event.id(), e.projectCode(), e.period(), outcome);
        return outcome;
    }
}
