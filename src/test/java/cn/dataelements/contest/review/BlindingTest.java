package cn.dataelements.contest.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The names a blind packet looks for: a unit's name, without its legal form and region, and its brand alone. */
class BlindingTest {

    @Test
    void aCompanyIsAlsoFoundByItsBrand() {
        assertThat(UnitNames.of("威海市蓝海数据科技有限公司")).contains("威海市蓝海数据科技有限公司", "威海市蓝海数据科技", "蓝海数据科技", "蓝海数据", "蓝海");
        assertThat(UnitNames.of("山东蓝海大数据有限公司")).contains("蓝海大数据", "蓝海");
    }

    @Test
    void everyRegionLevelBracketsAnywhereAndABranchAreCut() {
        assertThat(UnitNames.of("山东省威海市蓝海数据科技有限公司")).contains("威海市蓝海数据科技", "蓝海数据科技", "蓝海");
        assertThat(UnitNames.of("蓝海（威海）数据科技有限公司")).contains("蓝海数据科技", "蓝海");
        assertThat(UnitNames.of("蓝海数据科技有限公司威海分公司")).contains("蓝海数据科技有限公司", "蓝海");
    }

    @Test
    void aWordThatSaysWhatAUnitIsIsNeverANameOfItsOwn() {
        assertThat(UnitNames.of("威海数据要素科技有限公司")).doesNotContain("数据要素");
        assertThat(UnitNames.of("山东大学")).containsExactly("山东大学");
        assertThat(UnitNames.of("哈尔滨工业大学（威海）")).containsExactly("哈尔滨工业大学（威海）", "哈尔滨工业大学");
        assertThat(UnitNames.of("威海港口集团有限公司")).doesNotContain("港口", "集团");
    }

    @Test
    void contactDataIsTakenOutInAnyFormAndOrdinaryTextStays() {
        Blinding contacts = Blinding.contactsOnly();

        assertThat(contacts.apply("电话 +86 159-6655-2667，座机（0631）5212345，邮箱 ＬＩＵ＠ｅｘａｍｐｌｅ．ｃｏｍ。"))
                .isEqualTo("电话 【已隐去】，座机【已隐去】，邮箱 【已隐去】。");
        assertThat(contacts.apply("2023年投入使用，服务 120 家企业，准确率 99.5%。")).isEqualTo("2023年投入使用，服务 120 家企业，准确率 99.5%。");
    }

    @Test
    void aShortNameTheFormDeclaresIsANameOnlyWhenItSharesCharactersWithOne() {
        Blinding blind =
                Blinding.of(ReviewEntries.entry("e", ""), List.of(), List.of("本单位（以下简称“海蓝”）建设数据平台（以下简称“平台”）。"));

        assertThat(blind.apply("海蓝负责平台运营，热线 400-123-4567，张三丰电话 138—1234—5678。"))
                .isEqualTo("【已隐去】负责平台运营，热线 【已隐去】，【已隐去】电话 【已隐去】。");
    }

    @Test
    void aBlindTextKeepsWhatIsNotAName() {
        Blinding blind = Blinding.of(ReviewEntries.entry("e", ""), List.of(), List.of());

        assertThat(blind.apply("張 三豐在藍海數據負責港口冷鏈平台。")).isEqualTo("【已隐去】在【已隐去】負責港口冷鏈平台。");
    }
}
