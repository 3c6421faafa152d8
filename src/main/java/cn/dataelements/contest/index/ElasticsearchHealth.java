package cn.dataelements.contest.index;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.Cancellable;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseListener;
import org.elasticsearch.client.RestClient;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Elasticsearch in {@code /actuator/health}, answered within {@link #TIMEOUT} whatever the node does: a node that
 * is frozen or overloaded shows DOWN with the reason, instead of holding the health endpoint for the client's socket
 * timeout. Replaces Spring Boot's own indicator, which waits as long as any other request.
 */
@Component("elasticsearch")
class ElasticsearchHealth implements HealthIndicator {

    static final Duration TIMEOUT = Duration.ofMillis(1500);

    private final RestClient client;

    ElasticsearchHealth(RestClient client) {
        this.client = client;
    }

    @Override
    public Health health() {
        CompletableFuture<Response> answer = new CompletableFuture<>();
        Request request = new Request("GET", "/_cluster/health");
        request.addParameter("timeout", TIMEOUT.toMillis() + "ms");
        Cancellable call = client.performRequestAsync(request, new ResponseListener() {
            @Override
            public void onSuccess(Response response) {
                answer.complete(response);
            }

            @Override
            public void onFailure(Exception e) {
                answer.completeExceptionally(e);
            }
        });
        try {
            Response response = answer.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            String body = EntityUtils.toString(response.getEntity());
            return body.contains("\"status\":\"red\"")
                    ? Health.down().withDetail("cluster", body).build()
                    : Health.up().build();
        } catch (TimeoutException e) {
            call.cancel();
            return Health.down()
                    .withDetail("reason", "no answer within " + TIMEOUT.toMillis() + " ms")
                    .build();
        } catch (ExecutionException e) {
            return Health.down()
                    .withDetail("reason", String.valueOf(e.getCause()))
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down().withDetail("reason", "interrupted").build();
        } catch (java.io.IOException e) {
            return Health.down().withDetail("reason", e.toString()).build();
        }
    }
}
