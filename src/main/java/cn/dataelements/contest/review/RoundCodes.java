package cn.dataelements.contest.review;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The codes a round gives its entries: a letter and three digits drawn at random (A017), shown after the round's name
 * (初赛-A017). Nothing about the entry goes into a code, so no public data (a credit code, a title) leads back to the
 * team. Letters that read as digits (I, O) are left out.
 */
public final class RoundCodes {

    private static final String LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    static final int CAPACITY = LETTERS.length() * 1000;

    private static final SecureRandom RANDOM = new SecureRandom();

    private RoundCodes() {}

    /** {@code count} distinct codes in random order. */
    public static List<String> draw(int count) {
        if (count > CAPACITY / 2) {
            throw new ReviewException("一轮最多 " + CAPACITY / 2 + " 件作品，本轮有 " + count + " 件。");
        }
        Set<String> drawn = new LinkedHashSet<>();
        while (drawn.size() < count) {
            int k = RANDOM.nextInt(CAPACITY);
            drawn.add(LETTERS.charAt(k / 1000) + String.format(Locale.ROOT, "%03d", k % 1000));
        }
        return new ArrayList<>(drawn);
    }

    /** The code as people read it: the round's name before it. */
    static String shown(String roundName, String code) {
        return roundName + "-" + code;
    }

    /** The code in what someone typed or a sheet holds: 初赛-A017, a017 or A017 all give A017. */
    static String parse(String given) {
        String text = given == null ? "" : given.strip();
        return text.substring(text.lastIndexOf('-') + 1).strip().toUpperCase(Locale.ROOT);
    }
}
