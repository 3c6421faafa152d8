package cn.dataelements.contest.intake.portal;

import org.apache.camel.Component;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.ScheduledPollEndpoint;

/**
 * Endpoint {@code intake-portal:<name>?source=#bean}: a portal route's listing, polled every {@code delay} ms. It
 * only consumes.
 */
class PortalEndpoint extends ScheduledPollEndpoint {

    private PortalSource source;

    PortalEndpoint(String uri, Component component) {
        super(uri, component);
    }

    void setSource(PortalSource source) {
        this.source = source;
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        PortalConsumer consumer = new PortalConsumer(this, processor, source);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("A portal is only read: " + getEndpointUri());
    }
}
