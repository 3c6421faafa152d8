package cn.dataelements.contest.intake.portal;

import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/** Component {@code intake-portal}: the endpoints of the portal routes ({@link PortalEndpoint}). */
@org.springframework.stereotype.Component("intake-portal")
class IntakePortalComponent extends DefaultComponent {

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        PortalEndpoint endpoint = new PortalEndpoint(uri, this);
        Object source = parameters.remove("source");
        if (source instanceof String reference && reference.startsWith("#")) {
            source = getCamelContext().getRegistry().lookupByName(reference.substring(1));
        }
        if (!(source instanceof PortalSource portal)) {
            throw new IllegalArgumentException("intake-portal needs source=#<a portal source bean>: " + uri);
        }
        endpoint.setSource(portal);
        setProperties(endpoint, parameters);
        return endpoint;
    }
}
