package cn.dataelements.contest.entry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dataelements.contest.index.IndexProperties;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntryLookupTest {

    private static final String UNIVERSITY = "12371000MB2850711X";

    private final EntryLookup lookup = new EntryLookup(null, new IndexProperties("contest", Path.of("unused")));

    @Test
    void aPersonIsFoundWhateverWayThePhoneOrAddressIsWritten() {
        lookup.entryWritten(entry("a", "海参追溯平台", UNIVERSITY, person("于明远", "158-6626-9874", "Yu@Proj.example.com")));
        lookup.entryWritten(entry("b", "港口调度平台", "", person("于明远", "+86 15866269874", "")));
        lookup.entryWritten(entry("c", "渔船安全平台", "", person("于明远", "", "yu@proj.example.com ")));

        assertThat(lookup.sharing(
                        entry("a", "海参追溯平台", UNIVERSITY, person("于明远", "158-6626-9874", "Yu@Proj.example.com"))))
                .containsExactly("b", "c");
    }

    @Test
    void teamsOfOneUniversityAreNotComparedForTheUnitAlone() {
        lookup.entryWritten(entry("a", "海参追溯平台", UNIVERSITY, person("于明远", "158-6626-9874", "")));
        lookup.entryWritten(entry("b", "港口调度平台", UNIVERSITY, person("王丽娜", "187-6951-3736", "")));
        lookup.entryWritten(entry("c", "《海参 追溯平台》", UNIVERSITY, person("杨文博", "135-6315-9856", "")));

        assertThat(lookup.sharing(entry("a", "海参追溯平台", UNIVERSITY, person("于明远", "158-6626-9874", ""))))
                .as("the same unit with the same title is the same team; another title of that unit is another team")
                .containsExactly("c");
    }

    @Test
    void anEntryIsNoLongerFoundByWhatItNoLongerHas() {
        lookup.entryWritten(entry("b", "港口调度平台", UNIVERSITY, person("于明远", "158-6626-9874", "")));
        lookup.entryWritten(entry("b", "港口调度平台", UNIVERSITY, person("于明远", "139-0000-0000", "")));

        assertThat(lookup.sharing(entry("a", "海参追溯平台", "", person("于明远", "158-6626-9874", ""))))
                .isEmpty();
        assertThat(lookup.sharing(entry("a", "港口调度平台", UNIVERSITY))).containsExactly("b");
    }

    private static Entry.Representative person(String name, String phone, String email) {
        return new Entry.Representative(name, "成员", phone, email);
    }

    private static Entry entry(String id, String title, String creditCode, Entry.Representative... people) {
        List<Entry.Unit> units = creditCode.isEmpty() ? List.of() : List.of(new Entry.Unit("威海某大学", creditCode, true));
        return EntryBuilders.people(id, title, units, List.of(people), null);
    }
}
