package cn.dataelements.contest.review;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dataelements.contest.account.Account;
import cn.dataelements.contest.account.Role;
import cn.dataelements.contest.entry.Entry;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A reviewer may not review an entry of their own unit or one they are part of; a namesake is no conflict. */
class ConflictsTest {

    private final Entry entry = ReviewEntries.entry("entry-1", "方案。");

    @Test
    void theSameCreditCodeIsAConflictWhateverTheUnitIsCalled() {
        assertThat(Conflicts.between(reviewer("王教授", "蓝海公司", ReviewEntries.CREDIT_CODE.toLowerCase(), "", ""), entry))
                .containsExactly("评审专家所在单位与参赛单位“威海蓝海数据科技有限公司”的统一社会信用代码相同");
    }

    @Test
    void theSameUnitNameInTraditionalOrWithABranchIsAConflict() {
        assertThat(Conflicts.between(reviewer("王教授", ReviewEntries.UNIT_TRADITIONAL, "", "", ""), entry))
                .hasSize(1);
        assertThat(Conflicts.between(reviewer("王教授", "山东海岸线信息技术有限公司（威海分公司）", "", "", ""), entry))
                .singleElement()
                .asString()
                .contains("山东海岸线信息技术有限公司");
    }

    @Test
    void aMemberWithTheSameNameAndPhoneOrEmailIsAConflict() {
        assertThat(Conflicts.between(reviewer("张三丰", "哈尔滨工业大学（威海）", "", "+86 138-1234-5678", ""), entry))
                .containsExactly("评审专家与参赛人员“张三丰”是同一人（姓名及电话或邮箱相同）");
        assertThat(Conflicts.between(reviewer("欧阳娜娜", "山东大学", "", "", "ZHANG.SF@lanhai-data.cn"), entry))
                .singleElement()
                .asString()
                .contains("是同一人");
    }

    @Test
    void aNamesakeFromAnotherUnitIsNoConflict() {
        assertThat(Conflicts.between(
                        reviewer("张三丰", "山东大学", "12370000MB1234567X", "13900000000", "z@sdu.edu.cn"), entry))
                .isEmpty();
    }

    @Test
    void aReviewerWithoutAUnitCannotBeCheckedAndSoCannotBeAssigned() {
        assertThat(Conflicts.between(reviewer("李评审", "", "", "13900000000", "li@sdu.edu.cn"), entry))
                .containsExactly("评审专家的账号没有登记所在单位，无法检查利益冲突；请管理员先在账号中填写其单位");
    }

    private static Account reviewer(String name, String unit, String creditCode, String phone, String email) {
        return new Account(
                "expert", name, "{noop}x", Set.of(Role.REVIEWER), unit, creditCode, phone, email, true, "t", null);
    }
}
