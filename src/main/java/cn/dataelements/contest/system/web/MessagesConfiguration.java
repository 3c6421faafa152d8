package cn.dataelements.contest.system.web;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The pages' words: {@code messages_zh_CN.properties} (UTF-8) through Spring's {@link MessageSource}, in Simplified
 * Chinese whatever language a browser asks for (the pages have no other).
 */
@Configuration(proxyBeanMethods = false)
class MessagesConfiguration {

    /** Named {@code messageSource}, so the context (and Thymeleaf's {@code #{…}}) uses it. */
    @Bean
    MessageSource messageSource() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        return messages;
    }
}
