package cn.dataelements.contest.system.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A JSON-lines file cut off in the middle of a line (a crash while appending) reads again, and appends go on. */
class JsonLinesTest {

    record Line(String name, int number) {}

    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aPartialLastLineIsSetAsideAndTheNextAppendStartsAFreshLine() throws Exception {
        Path file = dir.resolve("ledger.jsonl");
        JsonLines.append(file, json, new Line("一", 1));
        JsonLines.append(file, json, new Line("二", 2));
        cutInTheMiddleOfTheLastLine(file);

        List<Line> read = JsonLines.readAll(file, json, Line.class);
        JsonLines.append(file, json, new Line("三", 3));

        assertThat(read).containsExactly(new Line("一", 1));
        assertThat(JsonLines.readAll(file, json, Line.class)).containsExactly(new Line("一", 1), new Line("三", 3));
        assertThat(Files.readString(dir.resolve("ledger.jsonl.torn"), StandardCharsets.UTF_8))
                .startsWith("{\"name\":\"二\"")
                .endsWith("\n");
    }

    @Test
    void aWholeFileNeedsNoRepairAndAnUnreadableLineIsPassedOver() throws Exception {
        Path file = dir.resolve("decisions.jsonl");
        Files.writeString(file, "{\"name\":\"a\",\"number\":1}\nnot json\n{\"name\":\"b\",\"number\":2}\n");

        assertThat(JsonLines.repairTail(file)).isFalse();
        assertThat(JsonLines.readAll(file, json, Line.class)).containsExactly(new Line("a", 1), new Line("b", 2));
        assertThat(dir.resolve("decisions.jsonl.torn")).doesNotExist();
    }

    @Test
    void anAppendAfterATornLineThatWasNotRepairedStillStartsOnItsOwnLine() throws Exception {
        Path file = dir.resolve("versions.jsonl");
        Files.writeString(file, "{\"name\":\"a\",\"number\":1}\n{\"name\":\"b\",\"num");

        JsonLines.append(file, json, new Line("c", 3));

        assertThat(Files.readAllLines(file)).last().isEqualTo("{\"name\":\"c\",\"number\":3}");
        assertThat(JsonLines.readAll(file, json, Line.class)).containsExactly(new Line("a", 1), new Line("c", 3));
    }

    /** Leaves the file ending part-way through its last line, as a crash in the middle of an append does. */
    static void cutInTheMiddleOfTheLastLine(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        int lastLineStart = bytes.length - 2;
        while (lastLineStart > 0 && bytes[lastLineStart - 1] != '\n') {
            lastLineStart--;
        }
        int cut = lastLineStart + (bytes.length - lastLineStart) / 2;
        Files.write(file, java.util.Arrays.copyOf(bytes, cut));
    }
}
