package cn.dataelements.contest.intake.source;

import org.apache.camel.Component;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.ScheduledPollEndpoint;

/** Endpoint {@code intake-source:<name>?source=#bean}: a {@link PolledSource}, polled every {@code delay} ms. */
class SourceEndpoint extends ScheduledPollEndpoint {

    private final PolledSource source;

    SourceEndpoint(String uri, Component component, PolledSource source) {
        super(uri, component);
        this.source = source;
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        SourceConsumer consumer = new SourceConsumer(this, processor, source);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("A source is only read: " + getEndpointUri());
    }
}
