package cn.dataelements.contest.intake.portal;

import static cn.dataelements.contest.intake.portal.PortalFixtures.registration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.dataelements.contest.intake.SourceUnavailableException;
import cn.dataelements.contest.intake.records.SourceMapping;
import cn.dataelements.contest.support.PortalStandIn;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each login a government data gateway may want, against the portal stand-in asking for it: the right credentials
 * read the listing, wrong ones are refused, and the secret never shows in what is said of the refusal. A token login
 * asks for its token once, and once more after the gateway revoked it. A page whose body stalls is cut off and asked
 * again.
 */
class PortalLoginTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    SourceMapping mapping;

    @BeforeEach
    void mapping() throws Exception {
        Path mappings = Files.createDirectories(dir.resolve("mappings"));
        Files.writeString(
                mappings.resolve("gateway.mapping.yaml"),
                Files.readString(Path.of("mappings/contest-portal.mapping.yaml")) + """
                        auth:
                          header-name: X-Gateway-Key
                          query-param: appkey
                        """);
        mapping = SourceMapping.load(mappings, "gateway", "portal");
    }

    @Test
    void anApiKeyInANamedHeader() throws Exception {
        try (PortalStandIn portal = portal()) {
            portal.requireHeaderKey("X-Gateway-Key", "key-1");
            assertThat(client(portal, "header", "", "key-1").first(null).records())
                    .hasSize(1);
            assertRefused(client(portal, "header", "", "key-2"), "key-2");
        }
    }

    @Test
    void anApiKeyInANamedQueryParameter() throws Exception {
        try (PortalStandIn portal = portal()) {
            portal.requireQueryKey("appkey", "key-3");
            assertThat(client(portal, "query", "", "key-3").first(null).records())
                    .hasSize(1);
            assertRefused(client(portal, "query", "", "key-4"), "key-4");
        }
    }

    @Test
    void anAppKeyAndSecretSignatureOverTheRequestWithTimestampAndNonce() throws Exception {
        try (PortalStandIn portal = portal()) {
            portal.requireSignature("app-5", "secret-5");
            PortalClient signed = client(portal, "signature", "app-5", "secret-5");
            assertThat(signed.first(null).records()).hasSize(1);
            assertThat(signed.first(null).records())
                    .as("a fresh nonce for every request")
                    .hasSize(1);
            assertRefused(client(portal, "signature", "app-5", "secret-6"), "secret-6");
            assertRefused(client(portal, "signature", "app-7", "secret-5"), "secret-5");
        }
    }

    @Test
    void anOAuth2ClientCredentialsTokenKeptUntilItIsRefusedThenRenewedOnce() throws Exception {
        try (PortalStandIn portal = portal()) {
            portal.requireOAuth2("client-8", "secret-8");
            PortalClient client = client(portal, "oauth2", "client-8", "secret-8");
            client.first(null);
            client.first(null);
            assertThat(portal.tokensIssued()).as("one token for both requests").isEqualTo(1);

            portal.revokeTokens();
            assertThat(client.first(null).records())
                    .as("the 401 renews the token once")
                    .hasSize(1);
            assertThat(portal.tokensIssued()).isEqualTo(2);

            assertThatThrownBy(() ->
                            client(portal, "oauth2", "client-8", "secret-9").first(null))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("refused the route's client credentials")
                    .hasMessageNotContaining("secret-9");
        }
    }

    @Test
    void aListingBodyThatStallsIsCutOffAndAskedAgain() throws Exception {
        try (PortalStandIn portal = portal()) {
            portal.stallNextListing(20_000);
            long started = System.nanoTime();
            assertThat(client(portal, "none", "", "").first(null).records()).hasSize(1);
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .as("the stalled page was given up after the timeout, not waited for")
                    .isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void aListingAnswering408OrClosingWithoutAnAnswerIsAskedAgain() throws Exception {
        try (PortalStandIn portal = portal()) {
            portal.failNextListings(408, 0);
            assertThat(client(portal, "none", "", "").first(null).records()).hasSize(1);

            portal.failNextListings(503, 408, 429);
            assertThatThrownBy(() -> client(portal, "none", "", "").first(null))
                    .as("three tries, then the portal is unavailable for now")
                    .isInstanceOf(SourceUnavailableException.class)
                    .hasMessageContaining("429");
            assertThat(client(portal, "none", "", "").first(null).records())
                    .as("and answers again afterwards")
                    .hasSize(1);
        }
    }

    @Test
    void aListingThatKeepsStallingIsTheSourceBeingUnavailable() throws Exception {
        try (PortalStandIn portal = portal()) {
            PortalClient client = client(portal, "none", "", "");
            portal.stallNextListing(20_000);
            Thread stallAgain = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    portal.stallNextListing(20_000);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            stallAgain.start();
            try {
                assertThatThrownBy(() -> client.first(null))
                        .isInstanceOf(SourceUnavailableException.class)
                        .hasMessageContaining("stalled");
            } finally {
                stallAgain.interrupt();
            }
        }
    }

    private static void assertRefused(PortalClient client, String secret) {
        assertThatThrownBy(() -> client.first(null))
                .isInstanceOf(IOException.class)
                .isNotInstanceOf(SourceUnavailableException.class)
                .hasMessageContaining("401")
                .hasMessageNotContaining(secret);
    }

    private PortalClient client(PortalStandIn portal, String auth, String username, String credential) {
        Duration timeout = Duration.ofSeconds(1);
        URI base = URI.create(portal.baseUrl() + "/");
        return new PortalClient(
                base,
                mapping.listing(),
                PortalLogin.of(
                        auth,
                        username,
                        credential,
                        mapping.auth(),
                        new OAuth2Login.Endpoint(
                                base.resolve("oauth/token"), PortalClient.http(timeout), timeout, JSON)),
                Set.of("127.0.0.1"),
                timeout,
                Duration.ofMillis(10),
                PortalClient.http(timeout),
                JSON);
    }

    private static PortalStandIn portal() throws IOException {
        PortalStandIn portal = new PortalStandIn();
        portal.put(registration(
                "G1",
                "网关后的作品",
                "工业制造",
                "威海某某公司",
                "91371002MA3C000001",
                "13900000001",
                "2024-08-20 00:00:00",
                "2024-08-20 01:00:00"));
        return portal;
    }
}
