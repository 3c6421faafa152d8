package cn.dataelements.contest;

import cn.dataelements.contest.intake.mail.MailSystemProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Contest intake: takes in every entry from every channel, archives, extracts, checks and indexes it. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ContestIntakeApplication {

    public static void main(String[] args) {
        // Before any Jakarta Mail class loads: it reads these system properties once.
        MailSystemProperties.apply();
        SpringApplication.run(ContestIntakeApplication.class, args);
    }
}
