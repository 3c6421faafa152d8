package cn.dataelements.contest.intake.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled mapping files are valid, and a wrong one is refused with every problem named by its key. */
class SourceMappingTest {

    private static final Path MAPPINGS = Path.of("mappings");

    @TempDir
    Path dir;

    @Test
    void theBundledMappingsAreValid() throws Exception {
        assertThat(SourceMapping.load(MAPPINGS, "contest-portal", "portal")
                        .listing()
                        .size())
                .isEqualTo(20);
        assertThat(SourceMapping.load(MAPPINGS, "shandongtong-export", "export")
                        .sheet()
                        .filesColumn())
                .isEqualTo("附件");
        assertThat(SourceMapping.load(MAPPINGS, "shandongtong-exam", "export")
                        .exam()
                        .columns())
                .containsExactly("考试名称", "姓名", "工作单位", "身份证号", "成绩", "考试时间");
    }

    @Test
    void aMappingOfTheOtherKindIsRefused() {
        assertThatThrownBy(() -> SourceMapping.load(MAPPINGS, "shandongtong-export", "portal"))
                .isInstanceOf(InvalidMappingException.class)
                .hasMessageContaining("kind must be portal")
                .hasMessageContaining("listing");
    }

    @Test
    void anExamMappingWithoutScoreAndWithRegistrationFieldsIsRefused() throws Exception {
        Files.writeString(
                dir.resolve("bad-exam.mapping.yaml"), "kind: export\nexam:\n  name: 姓名\nfields:\n  title: 作品名称\n");

        assertThatThrownBy(() -> SourceMapping.load(dir, "bad-exam", "export"))
                .isInstanceOf(InvalidMappingException.class)
                .satisfies(e -> assertThat(((InvalidMappingException) e).problems())
                        .extracting(MappingProblem::key)
                        .contains("exam.score", "fields"));
    }

    @Test
    void aFieldNamingAColumnTheSheetLacksIsRefusedWithTheSheetsColumns() throws Exception {
        Files.writeString(
                dir.resolve("renamed.mapping.yaml"),
                Files.readString(MAPPINGS.resolve("shandongtong-export.mapping.yaml"))
                        .replace("title: 作品名称", "title: 项目名称"));

        assertThatThrownBy(() -> SourceMapping.load(dir, "renamed", "export"))
                .isInstanceOf(InvalidMappingException.class)
                .satisfies(e -> assertThat(((InvalidMappingException) e).problems())
                        .singleElement()
                        .satisfies(p -> {
                            assertThat(p.key()).isEqualTo("fields.title");
                            assertThat(p.message()).contains("项目名称").contains("作品名称");
                        }));
    }

    @Test
    void anUnknownKeyIsNamedWithWhatIsValid() throws Exception {
        Files.writeString(
                dir.resolve("typo.mapping.yaml"),
                Files.readString(MAPPINGS.resolve("contest-portal.mapping.yaml"))
                        .replace("page-param", "page-parm"));

        assertThatThrownBy(() -> SourceMapping.load(dir, "typo", "portal"))
                .isInstanceOf(InvalidMappingException.class)
                .hasMessageContaining("page-parm");
    }
}
