package cn.dataelements.contest.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Names compared as the proof rule compares them, strictly for typed text and with one slip for OCR's. */
class OrganizationNamesTest {

    @Test
    void oneCharacterChangedAddedOrDroppedIsOneEditApart() {
        assertThat(OrganizationNames.oneEditApart("威海城市大脑科技有限公司", "威海城市大脑枝技有限公司"))
                .isTrue();
        assertThat(OrganizationNames.oneEditApart("威海城市大脑科技有限公司", "威海城市大脑科技有限公"))
                .isTrue();
        assertThat(OrganizationNames.oneEditApart("威海城市大脑科技有限公司", "威海城市大脑科技有限公司x"))
                .isTrue();
        assertThat(OrganizationNames.oneEditApart("威海城市大脑科技有限公司", "威海城市大脑集团有限公司"))
                .isFalse();
        assertThat(OrganizationNames.oneEditApart("威海城市大脑科技有限公司", "威海城市大脑科有限公")).isFalse();
    }

    @Test
    void ocrToleranceIsOnlyForOcr() {
        assertThat(OrganizationNames.sameOrganization("威海城市大脑科技有限公司", "威海城市大脑枝技有限公司"))
                .isFalse();
        assertThat(OrganizationNames.sameOrganizationOcr("威海城市大脑科技有限公司", "威海城市大脑枝技有限公司"))
                .isTrue();
        assertThat(OrganizationNames.sameOrganizationOcr("威海城市大脑科技有限公司", "威海城市大脑集团有限公司"))
                .as("a parent company is another organization, however it was read")
                .isFalse();
    }
}
