package cn.dataelements.contest.intake.mail;

import cn.dataelements.contest.intake.IntakeAttempts;
import cn.dataelements.contest.intake.IntakeHealth;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.component.mail.JavaMailSender;
import org.apache.camel.component.mail.MailComponent;
import org.apache.camel.component.mail.MailConfiguration;
import org.apache.camel.component.mail.MailConsumer;
import org.apache.camel.component.mail.MailEndpoint;

/**
 * camel-mail's endpoint, whose consumer processes a poll's mails in parallel ({@link ParallelMailConsumer}) and wakes
 * on IMAP IDLE ({@link IdleScheduler}). Its options are camel-mail's: the endpoint's configurer is camel-mail's own
 * (registered for this class under META-INF/services/org/apache/camel/configurer).
 */
class ParallelMailEndpoint extends MailEndpoint {

    /**
     * What the consumer needs of the app: how many workers read a poll's mails, the attempts that decide when a mail
     * is given up on, and health, which learns what waits.
     */
    record Settings(int workers, int maxAttempts, IntakeAttempts attempts, IntakeHealth health) {}

    private final Settings settings;

    ParallelMailEndpoint(String uri, MailComponent component, MailConfiguration configuration, Settings settings) {
        super(uri, component, configuration);
        this.settings = settings;
    }

    @Override
    public Consumer createConsumer(Processor processor, JavaMailSender sender) throws Exception {
        ParallelMailConsumer consumer = new ParallelMailConsumer(this, processor, sender, settings);
        consumer.setHandleFailedMessage(getConfiguration().isHandleFailedMessage());
        consumer.setSkipFailedMessage(getConfiguration().isSkipFailedMessage());
        consumer.setDelay(MailConsumer.DEFAULT_CONSUMER_DELAY);
        configureConsumer(consumer);
        return consumer;
    }
}
