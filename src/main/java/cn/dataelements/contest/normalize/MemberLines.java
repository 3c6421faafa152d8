package cn.dataelements.contest.normalize;

import cn.dataelements.contest.entry.Entry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Team members written as lines of text rather than a table: "1. 孙立新，项目负责人，186-6727-3003，sun@x.cn" under a
 * 团队成员： label, or the rows of a members table that PDF conversion flattened into lines, where a long phone number
 * or e-mail address wraps onto the next lines ("159-6655-" / "2667" / "liu11@proj820" / "4.example.co" / "m"). A
 * member starts at a line that opens with its number and a Chinese name; any other line continues the member before
 * it, joined without a space because a wrap splits a word.
 */
final class MemberLines {

    private static final Pattern STARTS_MEMBER = Pattern.compile("^\\d{1,2}\\s*[.、)）]?\\s*\\p{IsHan}");
    private static final Pattern NUMBER = Pattern.compile("^\\d{1,2}\\s*[.、)）]?\\s*");
    private static final Pattern PHONE =
            Pattern.compile("(?<!\\d)(?:\\+?86[- ]?)?(?:1\\d{2}[- ]?\\d{4}[- ]?\\d{4}|0\\d{2,3}-\\d{7,8})(?!\\d)");
    private static final Pattern EMAIL =
            Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final Pattern SEPARATORS = Pattern.compile("[，,；;、|\\s]+");
    /** A name, a role, perhaps a unit: more words than that is a sentence, not a member. */
    private static final int MAX_WORDS = 3;

    private final List<Entry.Representative> members = new ArrayList<>();
    private final StringBuilder current = new StringBuilder();

    /** Takes one line; false when it is neither a member nor the continuation of one. */
    boolean line(String line) {
        String text = line.strip();
        if (STARTS_MEMBER.matcher(text).find()) {
            finish();
            current.append(text);
            return true;
        }
        if (current.isEmpty()) {
            return false;
        }
        current.append(text);
        return true;
    }

    /** Reads the member still being collected, if any. */
    List<Entry.Representative> finish() {
        if (!current.isEmpty()) {
            parse(current.toString()).ifPresent(members::add);
            current.setLength(0);
        }
        return members;
    }

    /**
     * One member's text: number, name, role, then phone and e-mail in either order. What follows them is not the
     * member's (PDF may glue the next heading onto a wrapped address).
     */
    static Optional<Entry.Representative> parse(String text) {
        String rest = NUMBER.matcher(text.strip()).replaceFirst("");
        Matcher phone = PHONE.matcher(rest);
        String phoneText = phone.find() ? phone.group() : "";
        // blank the phone out, keeping positions, so its digits cannot start an e-mail address
        String blanked = phoneText.isEmpty() ? rest : rest.replace(phoneText, " ".repeat(phoneText.length()));
        Matcher email = EMAIL.matcher(blanked);
        String emailText = email.find() ? email.group() : "";
        int contactAt = Math.min(
                phoneText.isEmpty() ? rest.length() : phone.start(),
                emailText.isEmpty() ? rest.length() : email.start());
        List<String> words = Arrays.stream(
                        SEPARATORS.split(rest.substring(0, contactAt).strip()))
                .filter(w -> !w.isBlank())
                .toList();
        if (words.isEmpty() || words.size() > MAX_WORDS || (phoneText + emailText).isEmpty()) {
            return Optional.empty();
        }
        String role = words.size() > 1 ? words.get(1) : "";
        return Optional.of(new Entry.Representative(words.get(0), role, phoneText, emailText));
    }
}
