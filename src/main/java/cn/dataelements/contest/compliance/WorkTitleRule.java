package cn.dataelements.contest.compliance;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * 二.(二).4 of the guide: the work has a name, and the name is lawful: it contains no word of the configured list
 * (compared after NFKC and lower-casing; NFKC keeps the length of CJK text, so the offset is the title's own).
 */
final class WorkTitleRule implements Rule {

    @Override
    public List<Finding> check(CheckInput input, RuleContext context) {
        String file = RuleContext.formPath(input.entry());
        String title = input.entry().workTitle() == null
                ? ""
                : input.entry().workTitle().strip();
        if (title.isEmpty()) {
            return context.finding(FindingCode.WORK_TITLE_MISSING, new Evidence(file, "workTitle", "", -1)).stream()
                    .toList();
        }
        String folded = fold(title);
        return context.settings().forbiddenWords().stream()
                .filter(word -> folded.contains(fold(word)))
                .flatMap(word -> forbidden(context, file, title, folded, word).stream())
                .toList();
    }

    private static Optional<Finding> forbidden(
            RuleContext context, String file, String title, String folded, String word) {
        int offset = folded.indexOf(fold(word));
        return context.finding(
                FindingCode.WORK_TITLE_FORBIDDEN_WORD,
                new Evidence(file, "workTitle", word, offset),
                "title",
                title,
                "word",
                word);
    }

    private static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }
}
