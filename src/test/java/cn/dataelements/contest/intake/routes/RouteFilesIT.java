package cn.dataelements.contest.intake.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.dataelements.contest.IntakeIT;
import cn.dataelements.contest.account.ApiTokens;
import cn.dataelements.contest.support.IndexedSubmissions;
import cn.dataelements.contest.support.RawMail;
import cn.dataelements.contest.support.RouteFileTexts;
import cn.dataelements.contest.support.TestMailServer;
import cn.dataelements.contest.support.TestTokens;
import cn.dataelements.contest.system.security.SecurityProperties;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Routes are configuration: a second mailbox is added by writing files only, while the app runs, and its mail
 * becomes a submission; a broken route file, a free-form route, a {@code beans:} block and a host carrying endpoint
 * options are each refused with the file and the problem named, while the other routes go on. This app's routes
 * folder is its own, with mailboxes of their own, so the other test contexts' mailbox route is not disturbed.
 */
@IntakeIT
class RouteFilesIT {

    private static final Path ROUTES = routesFolder();
    private static final String FIRST = "routes-first@contest.local";
    private static final String SECOND = "routes-second@contest.local";
    private static final String SECOND_PASSWORD = "pw-" + UUID.randomUUID();

    @Autowired
    ApiTokens tokens;

    @Autowired
    ElasticsearchClient client;

    @Autowired
    SecurityProperties security;

    @Autowired
    ObjectMapper json;

    @Value("${intake.data-dir}")
    Path dataDir;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        registry.add("intake.routes-dir", ROUTES::toString);
        registry.add("intake.routes.rescan-millis", () -> 300);
    }

    private static Path routesFolder() {
        try {
            TestMailServer.account(FIRST);
            Path dir = Files.createDirectories(
                    Path.of("target", "it-routes", UUID.randomUUID().toString()));
            Files.writeString(dir.resolve("first-mailbox.camel.yaml"), mailbox(FIRST, "{{intake.mail.password}}"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aSecondMailboxIsAddedByFilesAloneAndBadFilesAreRefusedWhileTheRoutesGoOn() throws Exception {
        IndexedSubmissions index = new IndexedSubmissions(client);
        awaitStatus("first-mailbox.camel.yaml", "Started");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(route("first-mailbox.camel.yaml")
                                .at("/health/poll/failing")
                                .asText())
                        .isEqualTo("false"));
        assertThat(get("/api/admin/routes/templates").toString())
                .contains("\"id\":\"mailbox\"")
                .contains("fetchChunk")
                .contains("imap.example.cn");

        TestMailServer.account(SECOND, SECOND_PASSWORD);
        Path secrets = Files.createDirectories(dataDir.resolve("secrets"));
        Path secret = Files.writeString(secrets.resolve("second-mailbox"), SECOND_PASSWORD);
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        write("second-mailbox", mailbox(SECOND, null));
        awaitStatus("second-mailbox.camel.yaml", "Started");
        RawMail second = new RawMail("现代农业-第二个邮箱-海参追溯平台");
        TestMailServer.deliver(SECOND, second.bytes());
        assertThat(index.awaitSubmission(second.messageId())).containsEntry("channel", "mail");

        write("free-form", "- route:\n    from:\n      uri: \"timer:x\"\n      steps:\n        - to: \"exec:id\"\n");
        write("beans", "- beans:\n    - name: x\n      type: java.lang.ProcessBuilder\n");
        write(
                "injected",
                mailbox("routes-third@contest.local", "{{intake.mail.password}}")
                        .replace("127.0.0.1", "127.0.0.1?folderName=Processed&delete=true"));
        write("broken", "- templatedRoute:\n    routeTemplateRef: [mailbox\n");
        assertThat(problemOf("free-form.camel.yaml")).contains("只允许 templatedRoute");
        assertThat(problemOf("beans.camel.yaml")).contains("只允许 templatedRoute").contains("beans");
        assertThat(problemOf("injected.camel.yaml")).contains("parameters.host").contains("?folderName");
        assertThat(problemOf("broken.camel.yaml")).contains("不是有效的 YAML");

        write("second-mailbox", mailbox(SECOND, null).replace("127.0.0.1", "127.0.0.1&delete=true"));
        awaitStatus("second-mailbox.camel.yaml", "REFUSED (route Started as it was)");
        RawMail first = new RawMail("现代农业-第一个邮箱-港口调度平台");
        RawMail secondAgain = new RawMail("现代农业-第二个邮箱-渔船安全平台");
        TestMailServer.deliver(FIRST, first.bytes());
        TestMailServer.deliver(SECOND, secondAgain.bytes());
        index.awaitSubmission(first.messageId());
        index.awaitSubmission(secondAgain.messageId());

        Files.delete(ROUTES.resolve("second-mailbox.camel.yaml"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !routesJson().toString().contains("second-mailbox"));
        assertThat(status("first-mailbox.camel.yaml")).isEqualTo("Started");
    }

    private void write(String name, String text) throws IOException {
        Path temporary = Files.writeString(ROUTES.resolve(name + ".tmp"), text);
        Files.move(temporary, ROUTES.resolve(name + ".camel.yaml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private void awaitStatus(String file, String status) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(status(file)).isEqualTo(status));
    }

    private String status(String file) throws Exception {
        return route(file).path("status").asText();
    }

    private JsonNode route(String file) throws Exception {
        for (JsonNode route : routesJson()) {
            if (route.path("file").asText().equals(file)) {
                return route;
            }
        }
        return json.createObjectNode();
    }

    /** The file's problems, once it was refused: key and message of each. */
    private String problemOf(String file) throws Exception {
        awaitStatus(file, "REFUSED");
        for (JsonNode route : routesJson()) {
            if (route.path("file").asText().equals(file)) {
                return route.path("problems").toString();
            }
        }
        return "";
    }

    private JsonNode routesJson() throws Exception {
        return get("/api/admin/routes");
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .header("Authorization", TestTokens.bearer(tokens, security.adminUser()))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static String mailbox(String account, String password) {
        return RouteFileTexts.mailbox(account, password);
    }
}
