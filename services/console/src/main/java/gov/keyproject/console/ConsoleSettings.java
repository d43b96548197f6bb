package gov.keyproject.console;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Where the services are, the token the console calls them with, and how much of each topic it keeps in view.
 *
 * @param services     service id (registry, statistics, promotion, assessment) → base URL
 * @param token        the console's own operator token (a service account); the office's gateway puts the console
 *                     behind its single sign-on
 * @param bootstrap    Kafka bootstrap servers
 * @param backlog      records per partition read back at start, so the stream is not empty after a restart
 * @param keep         events held in memory for the live stream
 * @param callTimeout  the longest a panel waits for a service
 * @param commands     operator commands the console may send (method and path pattern per service)
 */
@ConfigurationProperties("keyproject.console")
public record ConsoleSettings(Map<String, String> services, String token, String bootstrap, int backlog, int keep,
                              Duration callTimeout, Map<String, List<String>> commands) {
}
