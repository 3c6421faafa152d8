package cn.dataelements.contest.intake.mail;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the MIME walk for the mailbox routes. */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    @Bean
    MailParser mailParser(MailParserProperties properties) {
        return new MailParser(properties.limits());
    }
}
