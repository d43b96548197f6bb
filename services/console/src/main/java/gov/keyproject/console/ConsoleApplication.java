package gov.keyproject.console;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The operators' console (运行监控台): reads every topic for the live stream and the dead letters, and shows the
 * services' figures through their APIs. It owns no database and writes nothing but operator commands (through the
 * services' APIs) and re-sent dead letters.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ConsoleApplication {

    public static void main(String[] args) {
        SpringApplication.run(ConsoleApplication.class, args);
    }
}
