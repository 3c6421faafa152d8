package cn.dataelements.contest.compliance;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the forbidden-word list: UTF-8, one word a line, {@code #} starts a comment, blank lines ignored. */
final class ForbiddenWords {

    private ForbiddenWords() {}

    static List<String> read(Path file, List<String> problems) {
        if (!Files.isRegularFile(file)) {
            problems.add(file + ": file not found; valid: a UTF-8 text file, one word a line, named by "
                    + "intake.compliance.forbidden-words in the folder intake.compliance.dir");
            return List.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            problems.add(file + ": not UTF-8; valid: save the list as UTF-8");
            return List.of();
        } catch (IOException e) {
            problems.add(file + ": cannot be read: " + e.getMessage());
            return List.of();
        }
        List<String> words = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String word = lines.get(i).replaceFirst("#.*", "").strip();
            if (word.isEmpty()) {
                continue;
            }
            if (words.contains(word)) {
                problems.add(file + ": line " + (i + 1) + ": '" + word + "' is listed twice");
            }
            words.add(word);
        }
        return words;
    }
}
