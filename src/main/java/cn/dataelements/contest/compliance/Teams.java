package cn.dataelements.contest.compliance;

import cn.dataelements.contest.entry.Entry;
import cn.dataelements.contest.entry.People;
import java.text.Normalizer;
import java.util.List;

/**
 * Who is who across entries. A team is its lead unit's credit code (or its first unit's) plus its work title; a
 * person is a name plus a phone number or an e-mail address: two people are the same when the names are equal and
 * they share a phone or an e-mail address, as {@link People} compares them.
 */
final class Teams {

    private Teams() {}

    /** The credit code that identifies the team's unit, or empty. */
    static String unitCode(Entry entry) {
        return entry.units().stream()
                .filter(Entry.Unit::lead)
                .findFirst()
                .or(() -> entry.units().stream().findFirst())
                .map(u -> u.creditCode() == null ? "" : u.creditCode().strip())
                .orElse("");
    }

    /** The lead (or first) unit's name, or empty. */
    static String unitName(Entry entry) {
        return entry.units().stream()
                .filter(Entry.Unit::lead)
                .findFirst()
                .or(() -> entry.units().stream().findFirst())
                .map(Entry.Unit::name)
                .orElse("");
    }

    /** A work title made comparable: NFKC, lower case, without spaces, quotes and book-title marks. */
    static String title(String title) {
        return Entry.comparableTitle(title);
    }

    static boolean samePerson(Entry.Representative a, Entry.Representative b) {
        if (!name(a.name()).equals(name(b.name())) || name(a.name()).isEmpty()) {
            return false;
        }
        return same(People.phone(a.phone()), People.phone(b.phone()))
                || same(People.email(a.email()), People.email(b.email()));
    }

    /** This entry's representatives that are also representatives of the other entry, by index. */
    static List<Integer> shared(Entry entry, Entry other) {
        List<Entry.Representative> people = entry.representatives();
        return java.util.stream.IntStream.range(0, people.size())
                .filter(i -> other.representatives().stream().anyMatch(o -> samePerson(people.get(i), o)))
                .boxed()
                .toList();
    }

    private static boolean same(String a, String b) {
        return !a.isEmpty() && a.equals(b);
    }

    private static String name(String name) {
        return name == null
                ? ""
                : Normalizer.normalize(name, Normalizer.Form.NFKC).replaceAll("\\s", "");
    }
}
