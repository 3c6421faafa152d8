package cn.dataelements.contest.normalize;

import cn.dataelements.contest.entry.FormSection.Part;
import cn.dataelements.contest.normalize.SectionVocabulary.PartTerm;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Splits one section's body into its sub-parts (（1）背景, 1.1 背景, 背景：…). Only the first heading of each part
 * starts it: a later line that repeats a part's title is text of the part it sits in. Text before the first part
 * belongs to the section only.
 */
final class PartSplitter {

    private final List<PartTerm> terms;
    private final HeadingMatcher matcher;

    PartSplitter(List<PartTerm> terms) {
        this.terms = terms;
        this.matcher = new HeadingMatcher(terms.stream().map(PartTerm::names).toList());
    }

    List<Part> split(List<Block> body) {
        List<Part> parts = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        StringBuilder text = new StringBuilder();
        HeadingMatcher.Match open = null;
        for (Block block : body) {
            Optional<HeadingMatcher.Match> match = terms.isEmpty() ? Optional.empty() : matcher.match(block);
            if (match.isPresent() && seen.add(match.get().term())) {
                close(open, text, parts);
                open = match.get();
                append(text, open.inline());
            } else {
                append(text, block.text());
            }
        }
        close(open, text, parts);
        return parts;
    }

    private void close(HeadingMatcher.Match open, StringBuilder text, List<Part> parts) {
        if (open != null) {
            PartTerm term = terms.get(open.term());
            parts.add(new Part(
                    term.key(), term.title(), open.heading(), text.toString().strip()));
        }
        text.setLength(0);
    }

    static void append(StringBuilder text, String more) {
        if (!more.isBlank()) {
            text.append(text.isEmpty() ? "" : "\n").append(more.strip());
        }
    }
}
