package gov.keyproject.console;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

@Configuration(proxyBeanMethods = false)
class ConsoleConfiguration {

    /** The office's clock; {@code KEYPROJECT_TODAY} starts it on a given day, as the services' clocks do. */
    @Bean
    Clock clock(@Value("${keyproject.today:}") String today) {
        Clock system = Clock.system(ZoneId.of("Asia/Shanghai"));
        if (today.isBlank()) {
            return system;
        }
        return Clock.offset(system, Duration.between(system.instant(),
                LocalDate.parse(today).atTime(9, 0).atZone(system.getZone()).toInstant()));
    }
}
