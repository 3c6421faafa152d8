package cn.dataelements.contest.intake.source;

import cn.dataelements.contest.intake.IntakeFailures;
import cn.dataelements.contest.intake.IntakeHealth;
import cn.dataelements.contest.intake.source.PolledSource.Handed;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledPollConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls a {@link PolledSource} every {@code delay}; each item it hands on is one exchange, run to its end at once. After
 * each poll, health learns what still waits at the source.
 */
class SourceConsumer extends ScheduledPollConsumer {

    private static final Logger log = LoggerFactory.getLogger(SourceConsumer.class);

    private final PolledSource source;
    private final IntakeHealth health;

    SourceConsumer(SourceEndpoint endpoint, Processor processor, PolledSource source, IntakeHealth health) {
        super(endpoint, processor);
        this.source = source;
        this.health = health;
    }

    @Override
    protected int poll() throws Exception {
        int handed = source.poll(handoff());
        PolledSource.Backlog backlog = source.backlog();
        health.waiting(getRouteId(), backlog.waiting(), backlog.oldest());
        return handed;
    }

    private PolledSource.Handoff handoff() {
        return new PolledSource.Handoff() {
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
                    handed = handed(exchange);
                    if (handed == Handed.LEFT) {
                        log.warn(
                                "{}: an item met an outage and was left to be tried again, the poll stops there ({})",
                                getRouteId(),
                                exchange.getException().getMessage());
                    } else if (handed == Handed.FAILED) {
                        log.warn(
                                "{}: an item failed and will be tried again, the items behind it go on ({})",
                                getRouteId(),
                                exchange.getException().getMessage());
                    }
                    releaseExchange(exchange, false);
                }
                return handed;
            }
        };
    }

    private static Handed handed(Exchange exchange) {
        if (exchange.getException() != null) {
            return exchange.getProperty(IntakeFailures.OUTAGE, false, Boolean.class) ? Handed.LEFT : Handed.FAILED;
        }
        return exchange.getProperty(IntakeFailures.QUARANTINED, false, Boolean.class)
                ? Handed.QUARANTINED
                : Handed.TAKEN;
    }
}
