package gov.keyproject.assessment;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * 督查考核: warning colours, supervision notices, unit rankings and monthly bulletins, from the other services'
 * events only.
 */
@SpringBootApplication
@EnableConfigurationProperties(AssessmentSettings.class)
public class AssessmentApplication {

    public static void main(String[] args) {
        SpringApplication.run(AssessmentApplication.class, args);
    }
}
