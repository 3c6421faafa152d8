package cn.dataelements.contest.normalize;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The template's own guidance that teams leave under a heading, "（填写说明：包括作品背景、应用行业、核心优势等，不超过1000字。）":
 * it is not the team's text, so it is no part of the section's text, its parts, or its length. Only what stands
 * directly under the heading is dropped; the same words later in the text are the team's. In PDF the note may wrap
 * over several lines: it runs until its bracket closes.
 */
final class TemplateInstructions {

    /** 填写说明： and its kin open a note bare or in brackets; 说明：/注：/提示： only in brackets, or a team's own note goes. */
    private static final Pattern OPENS =
            Pattern.compile("^(?:[(（【\\[]\\s*(?:填写说明|填表说明|填写要求|编写说明|编写要求|说明|注|提示)|填写说明|填表说明|填写要求|编写说明|编写要求)\\s*[:：]");

    private static final Pattern CLOSES = Pattern.compile("[)）】\\]]\\s*$");

    private TemplateInstructions() {}

    /** The body without the instructions at its start. */
    static List<Block> skip(List<Block> body) {
        int from = 0;
        while (from < body.size()
                && OPENS.matcher(TextNormalizer.forDisplay(body.get(from).text()))
                        .find()) {
            from = end(body, from) + 1;
        }
        return body.subList(from, body.size());
    }

    /** The block where the instruction that starts at {@code start} ends. */
    private static int end(List<Block> body, int start) {
        String first = body.get(start).text().strip();
        boolean bracketed = first.matches("^[(（【\\[].*");
        if (!bracketed) {
            return start;
        }
        for (int i = start; i < body.size(); i++) {
            if (CLOSES.matcher(body.get(i).text()).find()) {
                return i;
            }
        }
        return start;
    }
}
