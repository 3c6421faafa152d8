package cn.dataelements.contest.search;

import cn.dataelements.contest.system.text.CharacterPairs;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.util.HtmlUtils;

/**
 * Highlights a query in a text as written, found through its folded copy (same length, so every offset points at the
 * same character of the original): the word as a whole, and each pair of its neighbouring units (the parts an entry
 * matched by). Done here rather than in Elasticsearch so that a page of hits costs no term vectors and no second read
 * of the texts. The text is HTML-escaped; hits are in {@code <em>}, as Elasticsearch's HTML encoder writes them.
 *
 * <p>A fragment reads cleanly: it starts after a line or sentence break near its hit when there is one, never in the
 * middle of a number or a Latin word, has its runs of spaces and line breaks as one space, and says with "…" that the
 * text goes on before or after it.
 */
final class Highlighter {

    /** A unit of the folded text and where it is. */
    private record Unit(String text, int start, int end) {}

    /** A highlighted span of the text; whole when it is the entire query. */
    private record Span(int start, int end, boolean whole) {}

    private final List<String> query;

    Highlighter(String foldedQuery) {
        this.query = CharacterPairs.units(foldedQuery);
    }

    /** The whole text with every hit marked, or null when it has none. */
    String whole(String original, String folded) {
        List<Span> spans = spans(folded);
        return spans.isEmpty() ? null : marked(original, 0, original.length(), spans);
    }

    /** Up to {@code count} fragments of about {@code size} characters around the hits, the whole query's first. */
    List<String> fragments(String original, String folded, int count, int size) {
        List<Span> spans = spans(folded);
        List<Span> ordered = new ArrayList<>(spans.stream().filter(Span::whole).toList());
        spans.stream().filter(s -> !s.whole()).forEach(ordered::add);
        List<int[]> windows = new ArrayList<>();
        for (Span span : ordered) {
            if (windows.size() == count) {
                break;
            }
            int start = startOf(original, Math.max(0, span.start() - size / 3), span.start());
            int end = endOf(original, Math.min(original.length(), start + size), span.end());
            if (windows.stream().noneMatch(w -> start < w[1] && end > w[0])) {
                windows.add(new int[] {start, end});
            }
        }
        windows.sort((a, b) -> Integer.compare(a[0], b[0]));
        List<String> fragments = new ArrayList<>();
        for (int[] window : windows) {
            String fragment = tidy(marked(original, window[0], window[1], spans));
            fragments.add((window[0] > 0 ? "…" : "") + fragment + (window[1] < original.length() ? "…" : ""));
        }
        return fragments;
    }

    /** A fragment's text tidied: its runs of white space, line breaks among them, as one space. */
    static String tidy(String fragment) {
        return WHITE.matcher(fragment).replaceAll(" ").strip();
    }

    private static final java.util.regex.Pattern WHITE = java.util.regex.Pattern.compile("\\s+");

    private static final String BREAKS = "\n\r。！？；!?;";

    /**
     * Where a fragment starts, at or after {@code from} and at or before the hit: just after the last break before the
     * hit, else not inside a word or number.
     */
    private static int startOf(String text, int from, int hit) {
        if (from == 0) {
            return 0;
        }
        for (int at = hit - 1; at >= from; at--) {
            if (BREAKS.indexOf(text.charAt(at)) >= 0) {
                return at + 1;
            }
        }
        int at = from;
        while (at < hit && word(text.charAt(at - 1)) && word(text.charAt(at))) {
            at++;
        }
        return at;
    }

    /** Where a fragment ends, at or before {@code to} and at or after the hit: not inside a word or number. */
    private static int endOf(String text, int to, int hit) {
        int at = to;
        while (at > hit && at < text.length() && word(text.charAt(at - 1)) && word(text.charAt(at))) {
            at--;
        }
        return at;
    }

    /** A character of a number or a Latin word, which a fragment never cuts: "-5200000" is not a fragment's start. */
    private static boolean word(char c) {
        return (c < 128 && Character.isLetterOrDigit(c)) || ".,-_/%+:".indexOf(c) >= 0 || (c >= '０' && c <= '９');
    }

    /** Where the query's units stand in the text in a row: the whole query, or two of them next to each other. */
    private List<Span> spans(String folded) {
        List<Span> spans = new ArrayList<>();
        if (query.isEmpty() || folded == null || folded.isEmpty()) {
            return spans;
        }
        List<Unit> units = units(folded);
        int length = query.size();
        for (int i = 0; i < units.size(); i++) {
            if (matches(units, i, 0, length)) {
                spans.add(
                        new Span(units.get(i).start(), units.get(i + length - 1).end(), true));
                i += length - 1;
                continue;
            }
            for (int q = 0; q + 1 < length; q++) {
                if (matches(units, i, q, 2)) {
                    spans.add(new Span(units.get(i).start(), units.get(i + 1).end(), false));
                    i++;
                    break;
                }
            }
        }
        return spans;
    }

    private boolean matches(List<Unit> units, int at, int from, int count) {
        if (at + count > units.size() || from + count > query.size()) {
            return false;
        }
        for (int k = 0; k < count; k++) {
            if (!units.get(at + k).text().equals(query.get(from + k))) {
                return false;
            }
        }
        return true;
    }

    /** The units of the folded text with their offsets, split as {@link CharacterPairs#units} splits them. */
    private static List<Unit> units(String folded) {
        List<Unit> units = new ArrayList<>();
        int at = 0;
        for (String unit : CharacterPairs.units(folded)) {
            int start = folded.indexOf(unit, at);
            units.add(new Unit(unit, start, start + unit.length()));
            at = start + unit.length();
        }
        return units;
    }

    private static String marked(String original, int from, int to, List<Span> spans) {
        StringBuilder out = new StringBuilder();
        int at = from;
        for (Span span : spans) {
            int start = Math.max(span.start(), from);
            int end = Math.min(span.end(), to);
            if (end <= start || start < at) {
                continue;
            }
            out.append(HtmlUtils.htmlEscape(original.substring(at, start)))
                    .append("<em>")
                    .append(HtmlUtils.htmlEscape(original.substring(start, end)))
                    .append("</em>");
            at = end;
        }
        out.append(HtmlUtils.htmlEscape(original.substring(at, to)));
        return out.toString();
    }
}
