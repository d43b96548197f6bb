package gov.keyproject.registry;

import com.mongodb.MongoTimeoutException;
import gov.keyproject.contracts.EventCodec;
import gov.keyproject.contracts.project.ProjectCategory;
import gov.keyproject.contracts.promotion.DealLanded;
import gov.keyproject.platform.consumer.EventMessages;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The platform's event consumer adapter waits out a store outage in place; every other failure goes on as before. */
class ConsumerStoreWaitTest {

    private final Message<byte[]> message = MessageBuilder.withPayload(EventCodec.encode(EventCodec.wrap(
            new DealLanded("D-1", null, "智能装备制造基地", "某某智能科技有限公司", "高端装备", ProjectCategory.INDUSTRIAL,
                    "U-1", new BigDecimal("30000"), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 5, 1), null),
            "/keyproject/investment-promotion", 3, Instant.now(), null, null))).build();

    @Test
    void anUnreachableStoreIsRetriedInPlaceUntilItAnswers() {
        AtomicInteger calls = new AtomicInteger();
        long retriesBefore = EventMessages.storeRetries();
        EventMessages.consumer(envelope -> {
            int call = calls.incrementAndGet();
            if (call == 1) {
                throw new DataAccessResourceFailureException("store down");
            }
            if (call == 2) { // the driver's exception, wrapped by some layer
                throw new IllegalStateException("wrapped", new MongoTimeoutException("server selection timed out"));
            }
        }).accept(message);
        assertThat(calls).hasValue(3);
        assertThat(EventMessages.storeRetries() - retriesBefore).isGreaterThanOrEqualTo(2);
    }

    @Test
    void anyOtherFailurePropagatesAtOnce() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> EventMessages.consumer(envelope -> {
            calls.incrementAndGet();
            throw new IllegalStateException("project code taken");
        }).accept(message)).isInstanceOf(IllegalStateException.class).hasMessage("project code taken");
        assertThat(calls).hasValue(1);
    }

    @Test
    void aStoreThatStaysAwayIsGivenUpAfterTheMaximumWait() {
        Duration configured = EventMessages.storeMaxWait();
        EventMessages.waitForStoreUpTo(Duration.ofMillis(700));
        try {
            AtomicInteger calls = new AtomicInteger();
            long start = System.nanoTime();
            // Its own thread: the outage budget belongs to the consumer thread, as in the binder.
            assertThatThrownBy(() -> CompletableFuture.runAsync(() -> EventMessages.consumer(envelope -> {
                calls.incrementAndGet();
                throw new DataAccessResourceFailureException("store down");
            }).accept(message), r -> new Thread(r, "consumer-under-test").start()).join())
                    .isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(DataAccessResourceFailureException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(700));
            assertThat(calls.get()).isBetween(3, 5); // 200 + 400 + 100 (the rest) ms of pauses
        } finally {
            EventMessages.waitForStoreUpTo(configured);
        }
    }
}
