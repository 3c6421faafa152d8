package cn.dataelements.contest.intake.source;

import cn.dataelements.contest.intake.IntakeFailures;
import cn.dataelements.contest.intake.source.PolledSource.Handed;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledPollConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Polls a {@link PolledSource} every {@code delay}; each item it hands on is one exchange, run to its end at once. */
class SourceConsumer extends ScheduledPollConsumer {

    private static final Logger log = LoggerFactory.getLogger(SourceConsumer.class);

    private final PolledSource source;

    SourceConsumer(SourceEndpoint endpoint, Processor processor, PolledSource source) {
        super(endpoint, processor);
        this.source = source;
    }

    @Override
    protected int poll() throws Exception {
        return source.poll(new PolledSource.Handoff() {
            @Override
            public boolean running() {
                return isRunAllowed();
            }

            @Override
            public Handed hand(Object item) {
                Exchange exchange = createExchange(false);
                exchange.getIn().setBody(item);
                Handed handed;
                try {
                    getProcessor().process(exchange);
                } catch (Exception e) {
                    exchange.setException(e);
                } finally {
                    // read before the exchange is released: a pooled one is reset then
                    handed = exchange.getException() != null
                            ? Handed.LEFT
                            : exchange.getProperty(IntakeFailures.QUARANTINED, false, Boolean.class)
                                    ? Handed.QUARANTINED
                                    : Handed.TAKEN;
                    if (handed == Handed.LEFT) {
                        log.warn(
                                "{}: an item was left to be tried again, the poll stops there ({})",
                                getRouteId(),
                                exchange.getException().getMessage());
                    }
                    releaseExchange(exchange, false);
                }
                return handed;
            }
        });
    }
}
