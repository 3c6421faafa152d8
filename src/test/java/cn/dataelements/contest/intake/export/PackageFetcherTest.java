package cn.dataelements.contest.intake.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.dataelements.contest.intake.SourceUnavailableException;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fetched export package has the portal's file guards: a body that stalls is given up after the timeout and drops
 * nothing, an answer the server cannot give now is the source being unavailable, and a good package is dropped with
 * its done-marker.
 */
class PackageFetcherTest {

    @TempDir
    Path drop;

    @Test
    void aPackageWhoseBodyStallsIsGivenUpAndDropsNothing() throws Exception {
        HttpServer server = server((out) -> {
            out.write(new byte[] {'P', 'K', 3, 4});
            out.flush();
            Thread.sleep(20_000);
        });
        try {
            PackageFetcher fetcher = fetcher(server);
            long started = System.nanoTime();
            assertThatThrownBy(() -> fetcher.fetchInto(drop))
                    .isInstanceOf(SourceUnavailableException.class)
                    .hasMessageContaining("stalled");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            try (Stream<Path> files = Files.list(drop)) {
                assertThat(files.filter(f -> f.getFileName().toString().endsWith(".zip")))
                        .isEmpty();
            }
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aServerThatCannotAnswerNowIsTheSourceBeingUnavailable() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.start();
        try {
            PackageFetcher fetcher = fetcher(server);
            assertThatThrownBy(() -> fetcher.fetchInto(drop))
                    .isInstanceOf(SourceUnavailableException.class)
                    .hasMessageContaining("503");
        } finally {
            server.stop(0);
        }
    }

    private static PackageFetcher fetcher(HttpServer server) {
        return new PackageFetcher(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/latest.zip"),
                "",
                Duration.ofSeconds(1),
                Clock.systemUTC());
    }

    /** What the server writes after its 200 headers. */
    private interface Body {
        void write(OutputStream out) throws Exception;
    }

    private static HttpServer server(Body body) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, 1_000_000);
            try (OutputStream out = exchange.getResponseBody()) {
                body.write(out);
            } catch (Exception e) {
                // the client gave up
            }
        });
        server.start();
        return server;
    }
}
