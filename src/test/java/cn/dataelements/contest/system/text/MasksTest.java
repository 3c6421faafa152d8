package cn.dataelements.contest.system.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Personal data as lists show it. */
class MasksTest {

    @Test
    void phonesEmailsAndIdNumbersKeepOnlyWhatTellsThemApart() {
        assertThat(Masks.phone("138-0000-0001")).isEqualTo("138****0001");
        assertThat(Masks.phone("0631-5201234")).isEqualTo("063****1234");
        assertThat(Masks.email("zhang.san@lanhai-data.cn")).isEqualTo("z***@lanhai-data.cn");
        assertThat(Masks.contact("13700000000")).isEqualTo("137****0000");
        assertThat(Masks.contact("li@sdu.edu.cn")).isEqualTo("l***@sdu.edu.cn");
        assertThat(Masks.idNumber("370602199001011234")).isEqualTo("370602********1234");
        assertThat(Masks.idNumber("12345")).isEqualTo("****");
        assertThat(Masks.phone("")).isEmpty();
    }
}
