package cn.dataelements.contest.normalize;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether one line is the heading of one of a list of terms (sections, or the parts of a section), however
 * the team numbered and annotated it. Works on {@link TextNormalizer#forMatching} text, where full-width digits, ①
 * and （） have already become ASCII. A line that is only the title (after numbering, notes in brackets and a
 * trailing colon are removed) is a heading anywhere: that is how Word's automatic numbering leaves it. A line that
 * merely contains a title counts only when it also looks like a heading (numbered, a Word heading, a table's left
 * cell), and only while short, so that a sentence mentioning 商业模式 is not taken for the section.
 */
final class HeadingMatcher {

    /** Longest heading, in characters, once numbering, notes and spaces are gone. Real titles run under 20. */
    static final int MAX_HEADING_CHARS = 30;
    /** How much longer than the title a heading may be when the title is not at its start (参赛作品概述). */
    private static final int MAX_EXTRA_CHARS = 6;

    private static final Pattern NUMBERING = Pattern.compile("^(?:第[一二三四五六七八九十百零〇\\d]+(?:部分|章|节|篇|项)"
            + "|[(\\[【]\\s*[一二三四五六七八九十\\d]{1,3}\\s*[)\\]】][、.]?"
            + "|[一二三四五六七八九十]{1,3}\\s*[、.:]"
            + "|\\d{1,2}(?:\\.\\d{1,2})*(?:[、.):]|\\s|(?=[^\\d.%]))"
            + "|[a-z][.)、]"
            + "|[●■◆◇○□★☆•·▪>-])\\s*");
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Pattern NOTES = Pattern.compile("\\([^()]*\\)|【[^】]*】|\\[[^\\]]*]");
    private static final Pattern TOC_TAIL = Pattern.compile("(?:\\.{3,}|·{2,}|-{4,}|_{4,}|—{2,}|\\s)\\s*\\d{1,3}$");
    /** A trailing colon belongs to a heading; a full stop ends a sentence, so "概述。" stays text. */
    private static final Pattern TRAILING = Pattern.compile("[:：,，;；、\\s]+$");

    /** A line that matched. */
    record Match(int term, String heading, String inline) {}

    private final List<List<String>> names;

    /** @param names for each term, the forms of its name (title first), in any script */
    HeadingMatcher(List<List<String>> names) {
        this.names = names.stream()
                .map(forms -> forms.stream().map(HeadingMatcher::compact).toList())
                .toList();
    }

    /** Lines of a table of contents: a title followed by dot leaders or a page number. */
    static boolean isTocLine(String text) {
        return TOC_TAIL.matcher(TextNormalizer.forMatching(text)).find();
    }

    /**
     * Matches a block: a heading or paragraph by its first line, a table row by its left cell, whose neighbours then
     * count as the heading's inline text (forms put the title left and the text right).
     */
    Optional<Match> match(Block block) {
        if (block.kind() != Block.Kind.ROW) {
            return match(block.text(), block.kind() == Block.Kind.HEADING);
        }
        List<String> cells = block.filledCells();
        String rest = String.join("\n", cells.subList(1, cells.size()));
        return match(cells.get(0), true).map(m -> new Match(m.term(), m.heading(), join(m.inline(), rest)));
    }

    /**
     * Matches the first line of {@code text}; the rest of the text, and whatever follows a colon after the title
     * (作品概述：本作品……), comes back as the inline text.
     */
    Optional<Match> match(String text, boolean headingLike) {
        String[] lines = text.strip().split("\n", 2);
        String first = lines[0].strip();
        String rest = lines.length > 1 ? lines[1].strip() : "";
        Optional<Match> spaced = spacedTitle(first, rest);
        if (spaced.isPresent()) {
            return spaced;
        }
        int colon = firstColon(first);
        if (colon > 0 && colon < first.length() - 1) {
            Optional<Match> labelled =
                    matchLine(first.substring(0, colon), headingLike, join(first.substring(colon + 1), rest));
            if (labelled.isPresent()) {
                return labelled;
            }
        }
        return matchLine(first, headingLike, rest);
    }

    /**
     * A two-column row that PDF conversion flattened puts the title, a space and the start of the text on one line
     * ("一、作品概述 作品背景：…"): the words before the first space that are more than numbering are the heading when
     * they are exactly a title. A contents line ("一、作品概述 ...... 1") is not one.
     */
    private Optional<Match> spacedTitle(String line, String rest) {
        if (isTocLine(line)) {
            return Optional.empty();
        }
        Matcher space = SPACE.matcher(line);
        while (space.find()) {
            String head = line.substring(0, space.start());
            String core = compact(stripNumbering(TextNormalizer.forMatching(head)));
            if (!core.isEmpty()) {
                int term = bestTerm(core, false);
                String inline = join(line.substring(space.end()), rest);
                return term < 0 ? Optional.empty() : Optional.of(new Match(term, head.strip(), inline));
            }
        }
        return Optional.empty();
    }

    private Optional<Match> matchLine(String line, boolean headingLike, String inline) {
        String folded = TextNormalizer.forMatching(line);
        if (TOC_TAIL.matcher(folded).find()) {
            return Optional.empty();
        }
        String unnumbered = stripNumbering(folded);
        boolean numbered = unnumbered.length() < folded.length();
        String core = compact(
                TRAILING.matcher(NOTES.matcher(unnumbered).replaceAll("")).replaceAll(""));
        if (core.isEmpty() || core.length() > MAX_HEADING_CHARS) {
            return Optional.empty();
        }
        int term = bestTerm(core, headingLike || numbered);
        return term < 0 ? Optional.empty() : Optional.of(new Match(term, line.strip(), inline));
    }

    /** Exact matches first; then the earliest title in the line, the longer one on a tie (解决方案概述 is 解决方案). */
    private int bestTerm(String core, boolean allowContains) {
        int best = -1;
        long bestScore = Long.MAX_VALUE;
        for (int t = 0; t < names.size(); t++) {
            for (String name : names.get(t)) {
                long score = score(core, name, allowContains);
                if (score < bestScore) {
                    bestScore = score;
                    best = t;
                }
            }
        }
        return best;
    }

    private static long score(String core, String name, boolean allowContains) {
        if (name.isEmpty()) {
            return Long.MAX_VALUE;
        }
        if (core.equals(name)) {
            return -1;
        }
        int at = allowContains ? core.indexOf(name) : -1;
        if (at < 0 || (at > 0 && core.length() > name.length() + MAX_EXTRA_CHARS)) {
            return Long.MAX_VALUE;
        }
        return (long) at * 1000 + (1000 - name.length());
    }

    static String stripNumbering(String folded) {
        String current = folded;
        for (int i = 0; i < 2; i++) {
            Matcher m = NUMBERING.matcher(current);
            if (!m.find() || m.end() == 0) {
                break;
            }
            current = current.substring(m.end());
        }
        return current;
    }

    private static String compact(String text) {
        return TextNormalizer.forMatching(text).replaceAll("\\s", "");
    }

    private static int firstColon(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == ':' || line.charAt(i) == '：') {
                return i;
            }
        }
        return -1;
    }

    private static String join(String a, String b) {
        return (a.strip() + "\n" + b.strip()).strip();
    }
}
