package cn.dataelements.contest.review;

import cn.dataelements.contest.account.Account;
import cn.dataelements.contest.compliance.OrganizationNames;
import cn.dataelements.contest.entry.Entry;
import cn.dataelements.contest.entry.People;
import cn.dataelements.contest.system.text.ChineseFolding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Conflicts of interest between a reviewer and an entry: the reviewer's unit is one of the entry's units (the same
 * credit code, or the same name once normalized, one name inside the other as 山东大学 and 山东大学（威海） are), or
 * the reviewer is one of the entry's people (the same name and the same phone or e-mail). Each conflict is said in
 * Chinese, for the organizer who tried the assignment. A reviewer whose account names no unit cannot be checked, and
 * so is a conflict of its own.
 */
public final class Conflicts {

    private Conflicts() {}

    public static List<String> between(Account reviewer, Entry entry) {
        List<String> reasons = new ArrayList<>();
        if (reviewer.unit().isBlank() && reviewer.creditCode().isBlank()) {
            // without a unit the check below would pass silently
            reasons.add("评审专家的账号没有登记所在单位，无法检查利益冲突；请管理员先在账号中填写其单位");
            return reasons;
        }
        for (Entry.Unit unit : entry.units() == null ? List.<Entry.Unit>of() : entry.units()) {
            if (!reviewer.creditCode().isBlank() && code(reviewer.creditCode()).equals(code(unit.creditCode()))) {
                reasons.add("评审专家所在单位与参赛单位“" + unit.name() + "”的统一社会信用代码相同");
            } else if (!reviewer.unit().isBlank()
                    && unit.name() != null
                    && OrganizationNames.sameOrganization(folded(reviewer.unit()), folded(unit.name()))) {
                reasons.add("评审专家所在单位“" + reviewer.unit() + "”与参赛单位“" + unit.name() + "”相同");
            }
        }
        for (Entry.Representative person : people(entry)) {
            if (samePerson(reviewer, person)) {
                reasons.add("评审专家与参赛人员“" + person.name() + "”是同一人（姓名及电话或邮箱相同）");
            }
        }
        return reasons.stream().distinct().toList();
    }

    private static List<Entry.Representative> people(Entry entry) {
        List<Entry.Representative> people = new ArrayList<>();
        if (entry.representatives() != null) {
            people.addAll(entry.representatives());
        }
        if (entry.contact() != null) {
            people.add(new Entry.Representative(
                    entry.contact().name(),
                    "联系人",
                    entry.contact().phone(),
                    entry.contact().email()));
        }
        return people;
    }

    private static boolean samePerson(Account reviewer, Entry.Representative person) {
        if (person.name() == null
                || reviewer.displayName().isBlank()
                || !name(person.name()).equals(name(reviewer.displayName()))) {
            return false;
        }
        String phone = People.phone(reviewer.phone());
        String email = People.email(reviewer.email());
        return (!phone.isEmpty() && phone.equals(People.phone(person.phone())))
                || (!email.isEmpty() && email.equals(People.email(person.email())));
    }

    private static String name(String name) {
        return folded(name).replaceAll("[\\s·•．.]", "");
    }

    private static String folded(String text) {
        return ChineseFolding.fold(text == null ? "" : text.strip());
    }

    private static String code(String code) {
        return code == null ? "" : ChineseFolding.fold(code).strip().toUpperCase(Locale.ROOT);
    }
}
