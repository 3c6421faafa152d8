package cn.dataelements.contest.entry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PeopleTest {

    @Test
    void phonesCompareByTheirDigitsWithoutTheCountryCode() {
        assertThat(People.phone("+86 159-6456-3630")).isEqualTo("15964563630");
        assertThat(People.phone("１５９６４５６３６３０")).isEqualTo("15964563630");
        assertThat(People.phone("0631-5688123")).isEqualTo("06315688123");
        assertThat(People.phone(null)).isEmpty();
    }

    @Test
    void emailsCompareInLowerCaseAfterNfkc() {
        assertThat(People.email(" Wang12@Proj2117.Example.com ")).isEqualTo("wang12@proj2117.example.com");
        assertThat(People.email("ｗａｎｇ＠ｅｘａｍｐｌｅ．ｃｎ")).isEqualTo("wang@example.cn");
        assertThat(People.emailPoint("")).isEmpty();
    }

    @Test
    void contactPointsAreTheContactsAndRepresentativesPhonesAndEmailsOnce() {
        Entry view = withPeople(
                new Entry.Contact("王浩然", "159-6456-3630", "wang12@proj2117.example.com"),
                List.of(
                        new Entry.Representative("王浩然", "负责人", "+8615964563630", "WANG12@proj2117.example.com"),
                        new Entry.Representative("赵雪", "成员", "12", "")));

        assertThat(People.contactPoints(view))
                .containsExactly("phone:15964563630", "email:wang12@proj2117.example.com");
    }

    private static Entry withPeople(Entry.Contact contact, List<Entry.Representative> representatives) {
        return EntryBuilders.people("sub-1", "", List.of(), representatives, contact);
    }
}
