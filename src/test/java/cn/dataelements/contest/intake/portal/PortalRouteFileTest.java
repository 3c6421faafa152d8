package cn.dataelements.contest.intake.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.dataelements.contest.intake.routes.InvalidRouteFileException;
import cn.dataelements.contest.intake.routes.RouteFile;
import cn.dataelements.contest.intake.routes.RouteFileReader;
import cn.dataelements.contest.support.RouteFileTexts;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A portal route file is checked with its mapping file before anything of it runs. */
class PortalRouteFileTest {

    @TempDir
    Path dir;

    private RouteFileReader reader() throws IOException {
        Path mappings = Files.createDirectories(dir.resolve("mappings"));
        Files.copy(Path.of("mappings/contest-portal.mapping.yaml"), mappings.resolve("contest-portal.mapping.yaml"));
        PortalRouteTemplate template = new PortalRouteTemplate(mappings, null, new ObjectMapper());
        return new RouteFileReader(List.of(template.spec()), name -> null, name -> null, dir.resolve("secrets"));
    }

    @Test
    void theBundledMappingMakesAValidRoute() throws Exception {
        RouteFile route = reader().read(route("https://data.sd.gov.cn/contest", "contest-portal"));

        assertThat(route.values())
                .containsEntry("baseUrl", "https://data.sd.gov.cn/contest")
                .containsEntry("mapping", "contest-portal");
    }

    @Test
    void aMappingNamingAnUnknownFieldIsRefusedWithTheFileAndTheKey() throws Exception {
        RouteFileReader reader = reader();
        Path mapping = dir.resolve("mappings/contest-portal.mapping.yaml");
        Files.writeString(
                mapping,
                Files.readString(mapping)
                        .replace("title: workName", "titel: workName")
                        .replace("paging: page ", "paging: pages "));

        assertThatThrownBy(() -> reader.read(route("https://data.sd.gov.cn", "contest-portal")))
                .isInstanceOf(InvalidRouteFileException.class)
                .satisfies(e -> assertThat(
                                ((InvalidRouteFileException) e).problems().toString())
                        .contains("contest-portal.mapping.yaml")
                        .contains("未知的字段 titel")
                        .contains("缺少必填字段 title")
                        .contains("listing.paging"));
    }

    @Test
    void aMissingMappingAndAnAddressCarryingAQueryAreRefused() throws Exception {
        RouteFileReader reader = reader();

        assertThatThrownBy(() -> reader.read(route("https://data.sd.gov.cn", "no-such-portal")))
                .isInstanceOf(InvalidRouteFileException.class)
                .hasMessageContaining("no-such-portal.mapping.yaml does not exist");
        assertThatThrownBy(() -> reader.read(route("https://data.sd.gov.cn/?x=1&y=2", "contest-portal")))
                .isInstanceOf(InvalidRouteFileException.class)
                .hasMessageContaining("parameters.baseUrl");
    }

    @Test
    void aLoginNeedsItsCredential() throws Exception {
        String text = RouteFileTexts.portal("second-portal", "https://portal.example.cn", "contest-portal")
                + "      - name: auth\n        value: token\n";

        assertThatThrownBy(() -> reader().read(write("second-portal", text)))
                .isInstanceOf(InvalidRouteFileException.class)
                .hasMessageContaining("parameters.credential");
    }

    private Path route(String base, String mapping) throws IOException {
        return write("second-portal", RouteFileTexts.portal("second-portal", base, mapping));
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name + ".camel.yaml"), text);
    }
}
