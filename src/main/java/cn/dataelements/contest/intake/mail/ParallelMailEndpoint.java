package cn.dataelements.contest.intake.mail;

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

    private final int workers;

    ParallelMailEndpoint(String uri, MailComponent component, MailConfiguration configuration, int workers) {
        super(uri, component, configuration);
        this.workers = workers;
    }

    @Override
    public Consumer createConsumer(Processor processor, JavaMailSender sender) throws Exception {
        ParallelMailConsumer consumer = new ParallelMailConsumer(this, processor, sender, workers);
        consumer.setHandleFailedMessage(getConfiguration().isHandleFailedMessage());
        consumer.setSkipFailedMessage(getConfiguration().isSkipFailedMessage());
        consumer.setDelay(MailConsumer.DEFAULT_CONSUMER_DELAY);
        configureConsumer(consumer);
        return consumer;
    }
}
