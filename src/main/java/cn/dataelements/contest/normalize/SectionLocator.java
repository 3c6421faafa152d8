package cn.dataelements.contest.normalize;

import cn.dataelements.contest.normalize.SectionVocabulary.SectionTerm;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds where each section of the vocabulary starts. Every heading-like block that names a section is a candidate;
 * the choice among several candidates for one section has to step around a table of contents:
 *
 * <ul>
 *   <li>lines with dot leaders or a trailing page number (一、作品概述……3) are never candidates;
 *   <li>a run of two or more candidates with no body text between them (a table of contents without leaders, or the
 *       five titles listed on a cover page) gives way to any later candidate for the same section; when a section has
 *       only run members the last one is taken, so a section the team left empty is still "found";
 *   <li>otherwise the first candidate outside a run wins, so a later paragraph that repeats a title stays inside its section.
 * </ul>
 */
final class SectionLocator {

    /** Where a section starts: its block, the matched heading, and the text that came on the heading's own line. */
    record Start(int term, int block, String heading, String inline) {}

    private final HeadingMatcher matcher;

    SectionLocator(List<SectionTerm> terms) {
        this.matcher = new HeadingMatcher(terms.stream().map(SectionTerm::names).toList());
    }

    /** The chosen starts, in document order; at most one per section. */
    List<Start> locate(List<Block> blocks) {
        List<Start> candidates = candidates(blocks);
        boolean[] inRun = runs(candidates, blocks);
        Map<Integer, Integer> chosen = new HashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            Integer previous = chosen.get(candidates.get(i).term());
            // a run member gives way to any later candidate: the real heading comes after the contents
            if (previous == null || inRun[previous]) {
                chosen.put(candidates.get(i).term(), i);
            }
        }
        return chosen.values().stream()
                .map(candidates::get)
                .sorted(Comparator.comparingInt(Start::block))
                .toList();
    }

    private List<Start> candidates(List<Block> blocks) {
        List<Start> found = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            int index = i;
            matcher.match(blocks.get(i)).ifPresent(m -> found.add(new Start(m.term(), index, m.heading(), m.inline())));
        }
        return found;
    }

    /** Marks candidates that sit next to another candidate with nothing but table-of-contents lines between. */
    private static boolean[] runs(List<Start> candidates, List<Block> blocks) {
        boolean[] inRun = new boolean[candidates.size()];
        for (int i = 0; i + 1 < candidates.size(); i++) {
            Start c = candidates.get(i);
            if (c.inline().isBlank()
                    && !bodyBetween(blocks, c.block() + 1, candidates.get(i + 1).block())) {
                inRun[i] = true;
                inRun[i + 1] = true;
            }
        }
        return inRun;
    }

    private static boolean bodyBetween(List<Block> blocks, int from, int to) {
        for (int i = from; i < to; i++) {
            Block b = blocks.get(i);
            if (b.kind() == Block.Kind.ROW || !HeadingMatcher.isTocLine(b.text())) {
                return true;
            }
        }
        return false;
    }
}
