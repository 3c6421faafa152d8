package cn.dataelements.contest.entry;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * What an entry is found by across entries ({@code entry_keys}), as the cross-entry rules compare entries: a unit's
 * credit code with the comparable work title (the same team), a person's phone or e-mail as {@link People} normalizes
 * them (a phone written with dashes is the same phone). Entries that share only a unit are not found by it: a
 * university sends many teams, and none of them conflicts with another for that alone.
 */
public final class EntryKeys {

    private EntryKeys() {}

    public static Set<String> of(Entry entry) {
        Set<String> keys = new TreeSet<>();
        String title = Entry.comparableTitle(entry.workTitle());
        if (entry.units() != null && !title.isEmpty()) {
            entry.units().stream()
                    .map(Entry.Unit::creditCode)
                    .filter(present())
                    .forEach(c -> keys.add("team:" + c.strip() + "|" + title));
        }
        List<Entry.Representative> people = entry.representatives();
        if (people != null) {
            people.stream().map(p -> People.phone(p.phone())).filter(present()).forEach(p -> keys.add("phone:" + p));
            people.stream().map(p -> People.email(p.email())).filter(present()).forEach(e -> keys.add("email:" + e));
        }
        return keys;
    }

    private static Predicate<String> present() {
        return v -> v != null && !v.isBlank();
    }
}
