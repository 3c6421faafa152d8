package cn.dataelements.contest.intake.mail;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dataelements.contest.intake.routes.InvalidRouteFileException;
import cn.dataelements.contest.intake.routes.RouteFile;
import cn.dataelements.contest.intake.routes.RouteFileReader;
import cn.dataelements.contest.intake.routes.RouteProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks a route file passes before anything of it runs, on the mailbox template. */
class RouteFileReaderTest {

    private static final Map<String, String> SETTINGS = Map.ofEntries(
            Map.entry("intake.mail.protocol", "imap"),
            Map.entry("intake.mail.host", "127.0.0.1"),
            Map.entry("intake.mail.port", "3143"),
            Map.entry("intake.mail.username", "submit@contest.local"),
            Map.entry("intake.mail.password", "s3cret)&x"),
            Map.entry("intake.mail.folder", "INBOX"),
            Map.entry("intake.mail.processed-folder", "Processed"),
            Map.entry("intake.mail.quarantine-folder", "Quarantine"),
            Map.entry("intake.mail.poll-delay", "10000"),
            Map.entry("intake.mail.batch-size", "40"),
            Map.entry("intake.security.admin-password", "admin-pw-42"));

    @TempDir
    Path dir;

    private final Map<String, String> environment = Map.of("INTAKE_ROUTE_SECOND_PASSWORD", "pw2", "HOME", "/root");

    private RouteFileReader reader() {
        return new RouteFileReader(
                List.of(MailboxRouteTemplate.SPEC), SETTINGS::get, environment::get, dir.resolve("secrets"));
    }

    @Test
    void theBundledRouteFileIsRead() throws Exception {
        RouteFile route = reader().read(Path.of("routes/submission-mailbox.camel.yaml"));

        assertThat(route.routeId()).isEqualTo("submission-mailbox");
        assertThat(route.template()).isEqualTo("mailbox");
        assertThat(route.values())
                .containsEntry("host", "127.0.0.1")
                .containsEntry("port", "3143")
                .containsEntry("password", "s3cret)&x");
    }

    @Test
    void aSecondMailboxNeedsOnlyItsOwnValues() throws Exception {
        RouteFile route = reader().read(file(
                "second-mailbox", secondMailbox("imap.example.cn", "{{env:INTAKE_ROUTE_SECOND_PASSWORD}}")));

        assertThat(route.routeId()).isEqualTo("second-mailbox");
        assertThat(route.values()).containsEntry("host", "imap.example.cn").containsEntry("password", "pw2");
    }

    @Test
    void aFreeFormRouteIsRefused() throws Exception {
        Path file = file("evil", """
                - route:
                    from:
                      uri: "timer:x"
                      steps:
                        - to: "exec:/bin/sh?args=-c id"
                """);

        assertThat(problems(file)).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("只允许 templatedRoute").contains("route");
            assertThat(p.logMessage()).contains("only a templatedRoute");
        });
    }

    @Test
    void aBeansBlockBesideTheRouteIsRefused() throws Exception {
        Path file = file("beans", """
                - beans:
                    - name: evil
                      type: java.lang.ProcessBuilder
                - templatedRoute:
                    routeTemplateRef: mailbox
                """);

        assertThat(problems(file))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("只能有一个 templatedRoute"));
    }

    @Test
    void aHostCarryingEndpointOptionsIsRefusedWithWhatWouldBeValid() throws Exception {
        for (String host : List.of("imap.example.cn?folderName=Processed", "imap.example.cn&delete=true", "a b")) {
            Path file = file("second-mailbox", secondMailbox(host, "{{env:INTAKE_ROUTE_SECOND_PASSWORD}}"));

            assertThat(problems(file)).as(host).singleElement().satisfies(p -> {
                assertThat(p.key()).isEqualTo("parameters.host");
                assertThat(p.message()).contains(host).contains("例如 imap.example.cn");
            });
        }
    }

    @Test
    void anUnknownTemplateOrParameterNamesWhatExists() throws Exception {
        Path unknownTemplate = file("x", """
                - templatedRoute:
                    routeTemplateRef: shell
                """);
        Path unknownParameter = file(
                "y",
                secondMailbox("imap.example.cn", "{{env:INTAKE_ROUTE_SECOND_PASSWORD}}")
                        + "      - name: exec\n        value: \"rm\"\n");

        assertThat(problems(unknownTemplate))
                .singleElement()
                .satisfies(
                        p -> assertThat(p.message()).contains("未知的路由模板 shell").contains("mailbox"));
        assertThat(problems(unknownParameter)).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("parameters.exec");
            assertThat(p.message()).contains("没有参数 exec").contains("batchSize");
        });
    }

    @Test
    void aSecretIsNeverALiteralNorAnyEnvironmentVariable() throws Exception {
        Path literal = file("a", secondMailbox("imap.example.cn", "hunter2"));
        Path otherVariable = file("b", secondMailbox("imap.example.cn", "{{env:HOME}}"));
        Path environmentForAHost = file(
                "c", secondMailbox("{{env:INTAKE_ROUTE_SECOND_PASSWORD}}", "{{env:INTAKE_ROUTE_SECOND_PASSWORD}}"));

        assertThat(problems(literal)).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("密码不能直接写在路由文件里");
            assertThat(p.message() + p.logMessage()).doesNotContain("hunter2");
        });
        assertThat(problems(otherVariable))
                .singleElement()
                .satisfies(p -> assertThat(p.key()).isEqualTo("parameters.password"));
        assertThat(problems(environmentForAHost))
                .singleElement()
                .satisfies(p -> assertThat(p.key()).isEqualTo("parameters.host"));
    }

    @Test
    void noParameterCanReadAnotherSecretOfTheApp() throws Exception {
        Path asUsername = file(
                "a",
                secondMailbox("imap.example.cn", "{{env:INTAKE_ROUTE_SECOND_PASSWORD}}")
                        .replace("second@example.cn", "{{intake.security.admin-password}}"));
        Path asPassword = file("b", secondMailbox("imap.example.cn", "{{intake.security.admin-password}}"));
        Path refusedPort = file(
                "c",
                secondMailbox("imap.example.cn", "{{env:INTAKE_ROUTE_SECOND_PASSWORD}}")
                        .replace("\"993\"", "\"{{intake.mail.username}}\""));

        assertThat(problems(asUsername))
                .singleElement()
                .satisfies(p -> assertThat(p.key()).isEqualTo("parameters.username"));
        assertThat(problems(asPassword))
                .singleElement()
                .satisfies(p -> assertThat(p.key()).isEqualTo("parameters.password"));
        assertThat(problems(refusedPort))
                .singleElement()
                .satisfies(p -> assertThat(p.message())
                        .as("a refused value read from a setting is named, not shown")
                        .contains("{{intake.mail.username}}")
                        .doesNotContain("submit@contest.local"));
        for (Path file : List.of(asUsername, asPassword, refusedPort)) {
            assertThat(problems(file).toString()).doesNotContain("admin-pw-42");
        }
    }

    @Test
    void aSecretComesFromAFileOnlyItsOwnerReads() throws Exception {
        Path secrets = Files.createDirectories(dir.resolve("secrets"));
        Path secret = Files.writeString(secrets.resolve("second-mailbox"), "from-file\n");
        String withoutPassword =
                secondMailbox("imap.example.cn", "x").replaceAll("(?s)      - name: password\n.*?\n(?=      - )", "");
        Path file = file("second-mailbox", withoutPassword);

        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(problems(file))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("权限 600"));

        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        assertThat(reader().read(file).values()).containsEntry("password", "from-file");
    }

    @Test
    void brokenYamlSaysSo() throws Exception {
        Path file = file("broken", "- templatedRoute:\n    routeTemplateRef: [mailbox\n");

        assertThat(problems(file))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("不是有效的 YAML"));
    }

    private List<RouteProblem> problems(Path file) {
        InvalidRouteFileException refused =
                (InvalidRouteFileException) org.assertj.core.api.Assertions.catchThrowable(() -> reader().read(file));
        assertThat(refused).as(file.getFileName().toString()).isNotNull();
        assertThat(refused.getMessage()).contains(file.getFileName().toString());
        return refused.problems();
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name + ".camel.yaml"), text);
    }

    private static String secondMailbox(String host, String password) {
        return """
                - templatedRoute:
                    routeTemplateRef: mailbox
                    parameters:
                      - name: host
                        value: "%s"
                      - name: port
                        value: "993"
                      - name: username
                        value: "second@example.cn"
                      - name: password
                        value: "%s"
                      - name: pollDelay
                        value: "60000"
                """.formatted(host, password);
    }
}
