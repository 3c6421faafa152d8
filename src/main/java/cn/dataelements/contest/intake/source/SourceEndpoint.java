package cn.dataelements.contest.intake.source;

import cn.dataelements.contest.intake.IntakeHealth;
import org.apache.camel.Component;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.ScheduledPollEndpoint;

/** Endpoint {@code intake-source:<name>?source=#bean}: a {@link PolledSource}, polled every {@code delay} ms. */
class SourceEndpoint extends ScheduledPollEndpoint {

    private final PolledSource source;
    private final IntakeHealth health;

    SourceEndpoint(String uri, Component component, PolledSource source, IntakeHealth health) {
        super(uri, component);
        this.source = source;
        this.health = health;
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        SourceConsumer consumer = new SourceConsumer(this, processor, source, health);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("A source is only read: " + getEndpointUri());
    }
}
