package cn.dataelements.contest.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A route's health: DOWN while its source cannot be polled, while its items meet an outage, and while the oldest item
 * waiting at its source has waited longer than the limit; an item over ends the failures in a row and the outage.
 */
class RouteHealthTest {

    private static final Instant NOW = Instant.parse("2024-08-20T10:00:00Z");
    private static final Duration LIMIT = Duration.ofMinutes(10);

    @Test
    void anItemWaitingLongerThanTheLimitMakesTheRouteDownWithTheReason() {
        RouteHealth waiting = RouteHealth.NONE.withWaiting(3, NOW.minus(Duration.ofMinutes(9)));
        RouteHealth stuck = RouteHealth.NONE.withWaiting(3, NOW.minus(Duration.ofMinutes(11)));

        assertThat(waiting.downReasons(NOW, LIMIT)).isEmpty();
        assertThat(stuck.downReasons(NOW, LIMIT))
                .singleElement()
                .asString()
                .contains("3 waiting items")
                .contains("11 minutes");
        assertThat(RouteHealth.NONE.withWaiting(0, null).downReasons(NOW, LIMIT))
                .isEmpty();
    }

    @Test
    void aFailingPollAndAnOutageAreDownUntilAPollAndAnItemGoThrough() {
        RouteHealth failing = RouteHealth.NONE
                .withPoll(new RouteHealth.Check(true, NOW, "AuthenticationFailedException: refused"))
                .withFailure("IndexingException: unreachable")
                .withOutage(new RouteHealth.Check(true, NOW, "IndexingException: unreachable"));

        assertThat(failing.downReasons(NOW, LIMIT)).hasSize(2);
        assertThat(failing.consecutiveFailures()).isEqualTo(1);

        RouteHealth recovered =
                failing.withPoll(new RouteHealth.Check(false, NOW, null)).withItemOver(NOW, true);
        assertThat(recovered.downReasons(NOW, LIMIT)).isEmpty();
        assertThat(recovered.consecutiveFailures()).isZero();
        assertThat(recovered.lastTaken()).isEqualTo(NOW);
    }

    @Test
    void aQuarantinedItemEndsTheFailuresButIsNoItemTaken() {
        RouteHealth failed = RouteHealth.NONE.withFailure("a").withFailure("b");
        RouteHealth quarantined = failed.withItemOver(NOW, false);

        assertThat(failed.consecutiveFailures()).isEqualTo(2);
        assertThat(quarantined.consecutiveFailures()).isZero();
        assertThat(quarantined.lastTaken()).isNull();
        assertThat(quarantined.withSkipped(List.of()).skipped()).isEmpty();
    }
}
