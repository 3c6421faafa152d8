package cn.dataelements.contest.intake.mail;

import cn.dataelements.contest.intake.IntakeAttempts;
import cn.dataelements.contest.intake.IntakeHealth;
import cn.dataelements.contest.intake.IntakeProperties;
import java.net.URI;
import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.component.mail.MailComponent;
import org.apache.camel.component.mail.MailConfiguration;

/**
 * Component {@code intake-mail}: a mailbox as camel-mail reads it, {@code intake-mail:imaps://host:port?options} with
 * camel-mail's options, but with a consumer that processes each poll's mails on {@code intake.routes.workers}
 * threads ({@link ParallelMailEndpoint}).
 */
@org.springframework.stereotype.Component("intake-mail")
@org.apache.camel.spi.annotations.Component("intake-mail")
class IntakeMailComponent extends MailComponent {

    private static final String JAVA_MAIL_PREFIX = "mail.";

    private final ParallelMailEndpoint.Settings settings;

    IntakeMailComponent(IntakeProperties properties, IntakeAttempts attempts, IntakeHealth health) {
        this.settings =
                new ParallelMailEndpoint.Settings(properties.workers(), properties.maxAttempts(), attempts, health);
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        MailConfiguration configuration = getConfiguration().copy();
        configuration.configure(new URI(remaining));
        parameters.keySet().removeIf(key -> {
            if (key.startsWith(JAVA_MAIL_PREFIX)) {
                configuration.getAdditionalJavaMailProperties().put(key, parameters.get(key));
                return true;
            }
            return false;
        });
        ParallelMailEndpoint endpoint = new ParallelMailEndpoint(uri, this, configuration, settings);
        endpoint.setContentTypeResolver(getContentTypeResolver());
        setEndpointHeaderFilterStrategy(endpoint);
        setProperties(endpoint, parameters);
        return endpoint;
    }
}
