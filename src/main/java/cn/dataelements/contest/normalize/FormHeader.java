package cn.dataelements.contest.normalize;

import cn.dataelements.contest.entry.Entry;
import java.util.List;

/**
 * The fields at the top of an application form (the 申报表 table or "字段：值" lines), as written: nothing here is
 * checked against the catalog or validated; compliance does that.
 *
 * @param workTitle 作品名称 / 项目名称, or empty
 * @param trackText 参赛赛道 as written, e.g. "现代农业", or empty
 * @param topic 赛题 as written, or empty
 * @param units units in the order the form lists them; a single unit is marked lead
 * @param representatives the rows of the members table (姓名|职务|电话|邮箱)
 * @param contact 联系人 with phone and e-mail; empty strings when absent
 */
public record FormHeader(
        String workTitle,
        String trackText,
        String topic,
        List<Entry.Unit> units,
        List<Entry.Representative> representatives,
        Entry.Contact contact) {

    static final FormHeader EMPTY = new FormHeader("", "", "", List.of(), List.of(), new Entry.Contact("", "", ""));

    public FormHeader {
        units = List.copyOf(units);
        representatives = List.copyOf(representatives);
    }

    /**
     * This header with its blank fields taken from another document of the same submission (a track-14 登记表 for
     * the 方案介绍, whose PDF often has no header): what this one says always wins.
     */
    public FormHeader orElse(FormHeader other) {
        return new FormHeader(
                workTitle.isBlank() ? other.workTitle() : workTitle,
                trackText.isBlank() ? other.trackText() : trackText,
                topic.isBlank() ? other.topic() : topic,
                units.isEmpty() ? other.units() : withCodesFrom(other.units()),
                representatives.isEmpty() ? other.representatives() : representatives,
                isBlank(contact) ? other.contact() : contact);
    }

    /** A unit named without its code here takes the code the other document gives the same name. */
    private List<Entry.Unit> withCodesFrom(List<Entry.Unit> others) {
        return units.stream()
                .map(u -> !u.creditCode().isBlank()
                        ? u
                        : others.stream()
                                .filter(o -> o.name().equals(u.name())
                                        && !o.creditCode().isBlank())
                                .findFirst()
                                .map(o -> new Entry.Unit(u.name(), o.creditCode(), u.lead()))
                                .orElse(u))
                .toList();
    }

    private static boolean isBlank(Entry.Contact contact) {
        return contact.name().isBlank()
                && contact.phone().isBlank()
                && contact.email().isBlank();
    }
}
