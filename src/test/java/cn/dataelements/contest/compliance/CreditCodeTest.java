package cn.dataelements.contest.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CreditCodeTest {

    /** The example GB 32100-2015 itself gives. */
    private static final String PUBLISHED = "91350100M000100Y43";

    @Test
    void thePublishedExampleIsValid() {
        assertThat(CreditCode.isValid(PUBLISHED)).isTrue();
        assertThat(CreditCode.checkCharacter(PUBLISHED.substring(0, 17))).isEqualTo('3');
        assertThat(CreditCode.hasValidOrganizationCode(PUBLISHED)).isTrue();
    }

    @Test
    void aWrongCheckCharacterIsInvalid() {
        assertThat(CreditCode.isValid("91350100M000100Y44")).isFalse();
        assertThat(CreditCode.isValid("91371002393137891C")).isFalse();
    }

    @Test
    void wrongShapesAreInvalid() {
        assertThat(CreditCode.isValid(null)).isFalse();
        assertThat(CreditCode.isValid("")).isFalse();
        assertThat(CreditCode.isValid("91350100M000100Y4")).isFalse();
        assertThat(CreditCode.isValid("91350100m000100y43")).isFalse();
        // I, O, S, V, Z are not in the alphabet
        assertThat(CreditCode.isValid("91350100O000100Y43")).isFalse();
    }

    @Test
    void everyCodeOfTheGeneratedFormsIsValid() throws IOException {
        List<String> codes = fixtureCodes();

        assertThat(codes).hasSizeGreaterThan(20);
        assertThat(codes).allMatch(CreditCode::isValid);
    }

    @Test
    void onlyCategory11IsAGovernmentBody() {
        assertThat(CreditCode.isGovernmentBody("11371000352792355X")).isTrue();
        assertThat(CreditCode.isGovernmentBody("12371002574693694M")).isFalse();
        assertThat(CreditCode.isGovernmentBody("91371002393137891B")).isFalse();
    }

    private static List<String> fixtureCodes() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> codes = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/forms"))) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".expected.json")).toList()) {
                for (JsonNode unit : json.readTree(file.toFile()).path("units")) {
                    if (!unit.path("creditCode").asText().isEmpty()) {
                        codes.add(unit.path("creditCode").asText());
                    }
                }
            }
        }
        return codes;
    }
}
