package cn.dataelements.contest.entry;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How a person is recognized across submissions and entries: a phone by its digits (a +86 prefix dropped), an
 * e-mail address in lower case, both after NFKC since teams type full-width characters. Team matching and the
 * compliance rules across entries use the same forms, so they never disagree about who is who.
 */
public final class People {

    private static final String PHONE = "phone:";
    private static final String EMAIL = "email:";

    private People() {}

    public static String phone(String phone) {
        String digits = phone == null ? "" : nfkc(phone).replaceAll("\\D", "");
        return digits.length() == 13 && digits.startsWith("86") ? digits.substring(2) : digits;
    }

    public static String email(String email) {
        return email == null ? "" : nfkc(email).strip().toLowerCase(Locale.ROOT);
    }

    /** The e-mail address as a contact point, the form {@link #contactPoints} uses. */
    static String emailPoint(String address) {
        String email = email(address);
        return email.isEmpty() ? "" : EMAIL + email;
    }

    /**
     * Every phone and e-mail of the entry's contact and representatives, as {@code phone:…} and {@code email:…}:
     * what a later submission of the same team will most likely share with it.
     */
    static List<String> contactPoints(Entry view) {
        Set<String> points = new LinkedHashSet<>();
        if (view.contact() != null) {
            add(points, view.contact().phone(), view.contact().email());
        }
        view.representatives().forEach(r -> add(points, r.phone(), r.email()));
        return new ArrayList<>(points);
    }

    private static void add(Set<String> points, String phone, String email) {
        String digits = phone(phone);
        if (digits.length() >= 7) {
            points.add(PHONE + digits);
        }
        String address = emailPoint(email);
        if (address.contains("@")) {
            points.add(address);
        }
    }

    private static String nfkc(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC);
    }
}
