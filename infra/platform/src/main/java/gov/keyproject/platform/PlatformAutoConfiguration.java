package gov.keyproject.platform;

import gov.keyproject.platform.consumer.EventMessages;
import gov.keyproject.platform.consumer.IdempotentWriter;
import gov.keyproject.platform.ratelimit.RateLimitFilter;
import gov.keyproject.platform.store.StoreBreakerFilter;
import io.micrometer.core.instrument.FunctionCounter;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import gov.keyproject.platform.outbox.AggregateStore;
import gov.keyproject.platform.outbox.OutboxRelay;
import gov.keyproject.platform.security.SecurityConfiguration;
import gov.keyproject.platform.web.ProblemDetailsAdvice;
import gov.keyproject.platform.web.RequestSizeLimit;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;

import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Wires the thin plumbing into every service: outbox store and relay, idempotent writer, problems, security, store
 * timeouts and circuit breaker, per-client rate limit.
 */
@AutoConfiguration
@EnableConfigurationProperties(PlatformProperties.class)
@Import({ProblemDetailsAdvice.class, SecurityConfiguration.class})
public class PlatformAutoConfiguration {

    /**
     * "Today" for every rule comes from this clock, so tests can replay a whole year. {@code keyproject.today}
     * ({@code KEYPROJECT_TODAY}, e.g. 2026-03-04) starts the clock at 09:00 of that day and lets it run from
     * there: for demonstrations and end-to-end tests of a past month, never for production.
     */
    @Bean
    @ConditionalOnMissingBean
    Clock clock(PlatformProperties properties, @Value("${keyproject.today:}") String today) {
        ZoneId zone = ZoneId.of(properties.zone());
        Clock system = Clock.system(zone);
        if (today.isBlank()) {
            return system;
        }
        java.time.Instant start = LocalDate.parse(today).atTime(9, 0).atZone(zone).toInstant();
        return Clock.offset(system, java.time.Duration.between(system.instant(), start));
    }

    @Bean
    @ConditionalOnMissingBean
    OutboxRelay outboxRelay(MongoTemplate mongo, PlatformProperties properties, CircuitBreakerRegistry breakers,
                            Clock clock, MeterRegistry meters,
                            @Value("${keyproject.brokers:${spring.cloud.stream.kafka.binder.brokers:localhost:9092}}")
                            String brokers,
                            @Value("${spring.application.name}") String application) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.CLIENT_ID_CONFIG, application + "-outbox-relay",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        OutboxRelay relay = new OutboxRelay(mongo,
                () -> new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer()),
                breakers.circuitBreaker("outbox-relay"), clock, properties.outbox().sweepInterval(),
                properties.outbox().sweepGrace(), properties.outbox().collections(), meters);
        return properties.outbox().enabled() ? relay : new DisabledAtStart(relay).relay();
    }

    @Bean
    @ConditionalOnMissingBean
    AggregateStore aggregateStore(MongoTemplate mongo, OutboxRelay relay, Clock clock,
                                  @Value("${spring.application.name}") String application) {
        return new AggregateStore(mongo, relay, clock, "/keyproject/" + application);
    }

    /**
     * Dates and months are stored as ISO strings ("2026-10-05", "2026-10"): they sort correctly, read the same in
     * any time zone, and an operator inspecting the store sees what the domain means.
     */
    @Bean
    @ConditionalOnMissingBean
    MongoCustomConversions mongoCustomConversions() {
        return new MongoCustomConversions(List.of(new DateWriter(), new DateReader(), new MonthWriter(),
                new MonthReader()));
    }

    @WritingConverter
    static final class DateWriter implements Converter<LocalDate, String> {
        @Override
        public String convert(LocalDate source) {
            return source.toString();
        }
    }

    @ReadingConverter
    static final class DateReader implements Converter<String, LocalDate> {
        @Override
        public LocalDate convert(String source) {
            return LocalDate.parse(source);
        }
    }

    @WritingConverter
    static final class MonthWriter implements Converter<YearMonth, String> {
        @Override
        public String convert(YearMonth source) {
            return source.toString();
        }
    }

    @ReadingConverter
    static final class MonthReader implements Converter<String, YearMonth> {
        @Override
        public YearMonth convert(String source) {
            return YearMonth.parse(source);
        }
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(
            @Value("${keyproject.web.max-body-bytes:10485760}") long maxBytes) {
        FilterRegistrationBean<RequestSizeLimit> registration = new FilterRegistrationBean<>(new RequestSizeLimit(maxBytes));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<gov.keyproject.platform.web.TraceContextFilter> traceContextFilter() {
        FilterRegistrationBean<gov.keyproject.platform.web.TraceContextFilter> registration =
                new FilterRegistrationBean<>(new gov.keyproject.platform.web.TraceContextFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /**
     * Bounded driver timeouts, so a frozen store (connection open, no bytes) fails a request in seconds instead of
     * holding its thread. Applied before Boot's customizer, so options written in the URI still win.
     */
    @Bean
    MongoClientSettingsBuilderCustomizer storeTimeouts(PlatformProperties properties) {
        PlatformProperties.Store store = properties.store();
        return new OrderedMongoCustomizer(builder -> builder
                .applyToSocketSettings(s -> s
                        .connectTimeout((int) store.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                        .readTimeout((int) store.readTimeout().toMillis(), TimeUnit.MILLISECONDS))
                .applyToClusterSettings(c -> c
                        .serverSelectionTimeout(store.serverSelectionTimeout().toMillis(), TimeUnit.MILLISECONDS)));
    }

    /** Boot's own customizer (order 0) applies the URI; ours runs first so the URI's explicit options override. */
    private record OrderedMongoCustomizer(MongoClientSettingsBuilderCustomizer delegate)
            implements MongoClientSettingsBuilderCustomizer, Ordered {
        @Override
        public void customize(com.mongodb.MongoClientSettings.Builder builder) {
            delegate.customize(builder);
        }

        @Override
        public int getOrder() {
            return -100;
        }
    }

    /**
     * The per-client rate limit of {@code /api/**}. Ordered after Spring Security's filter chain
     * ({@code spring.security.filter.order}, -100 by default), so the JWT subject is known when it runs.
     */
    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(PlatformProperties properties, MeterRegistry meters,
            @Value("${spring.security.filter.order:-100}") int securityFilterOrder) {
        PlatformProperties.RateLimit limit = properties.rateLimit();
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(
                new RateLimitFilter(limit.requestsPerSecond(), limit.burst(), meters));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(securityFilterOrder + 10);
        registration.setEnabled(limit.enabled());
        return registration;
    }

    /**
     * The {@code store} circuit breaker in front of {@code /api/**}: after the rate limit (a refused request says
     * nothing about the store) and after security (a 401 neither).
     */
    @Bean
    FilterRegistrationBean<StoreBreakerFilter> storeBreakerFilter(CircuitBreakerRegistry breakers,
            MeterRegistry meters, @Value("${spring.security.filter.order:-100}") int securityFilterOrder) {
        FilterRegistrationBean<StoreBreakerFilter> registration = new FilterRegistrationBean<>(
                new StoreBreakerFilter(breakers.circuitBreaker("store"), meters));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(securityFilterOrder + 20);
        return registration;
    }

    /**
     * {@link EventMessages} is static (services build their consumers with it), so the configured store wait
     * reaches it here, before the binder starts consuming.
     */
    @Bean
    InitializingBean consumerStoreWait(PlatformProperties properties, MeterRegistry meters) {
        return () -> {
            EventMessages.waitForStoreUpTo(properties.store().consumerMaxWait());
            FunctionCounter.builder("keyproject.consumer.store.retries", EventMessages.class,
                            c -> EventMessages.storeRetries())
                    .description("event handlings retried in place because the store was unreachable")
                    .register(meters);
        };
    }

    @Bean
    @ConditionalOnMissingBean
    IdempotentWriter idempotentWriter(MongoTemplate mongo) {
        return new IdempotentWriter(mongo);
    }

    /** Marks a relay that the context must not start (crash-simulation tests start it by hand). */
    private record DisabledAtStart(OutboxRelay relay) {
        DisabledAtStart {
            relay.setAutoStartup(false);
        }
    }
}
