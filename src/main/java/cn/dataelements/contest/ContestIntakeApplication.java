package cn.dataelements.contest;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Contest intake: takes in every entry from every channel, archives, extracts, checks and indexes it. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ContestIntakeApplication {

    public static void main(String[] args) {
        SpringApplication.run(ContestIntakeApplication.class, args);
    }
}
