package cn.dataelements.contest.intake.source;

import cn.dataelements.contest.intake.IntakeHealth;
import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/**
 * Component {@code intake-source}: the endpoints of the routes whose template makes a {@link PolledSource} (portal,
 * export), named by {@code source=#<its template bean>}.
 */
@org.springframework.stereotype.Component("intake-source")
class IntakeSourceComponent extends DefaultComponent {

    private final IntakeHealth health;

    IntakeSourceComponent(IntakeHealth health) {
        this.health = health;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        Object source = parameters.remove("source");
        if (source instanceof String reference && reference.startsWith("#")) {
            source = getCamelContext().getRegistry().lookupByName(reference.substring(1));
        }
        if (!(source instanceof PolledSource polled)) {
            throw new IllegalArgumentException("intake-source needs source=#<a PolledSource bean>: " + uri);
        }
        SourceEndpoint endpoint = new SourceEndpoint(uri, this, polled, health);
        setProperties(endpoint, parameters);
        return endpoint;
    }
}
