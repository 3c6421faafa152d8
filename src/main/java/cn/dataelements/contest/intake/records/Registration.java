package cn.dataelements.contest.intake.records;

import cn.dataelements.contest.entry.Entry;
import cn.dataelements.contest.normalize.FormHeader;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * A registration as a structured channel (the portal's listing, a row of an export sheet) gives it, its fields named
 * by the source's mapping file: what the team typed into the platform, not what its form says.
 *
 * @param sourceId the registration's id at its source (the portal's id, the sheet's id column or row)
 * @param workTitle 作品名称
 * @param trackText 赛道 as the source writes it
 * @param topic 赛题 as the source writes it
 * @param units the lead unit first, then the others
 * @param members the team's members
 * @param contact the contact person
 * @param receiptAddress where a receipt goes: only when the mapping names a column for it, else empty
 * @param submittedAt the source's own submission time
 * @param updatedAt the source's last change of the registration, or null
 */
public record Registration(
        String sourceId,
        String workTitle,
        String trackText,
        String topic,
        List<Entry.Unit> units,
        List<Entry.Representative> members,
        Entry.Contact contact,
        String receiptAddress,
        Instant submittedAt,
        Instant updatedAt) {

    public Registration {
        units = List.copyOf(units);
        members = List.copyOf(members);
    }

    /** What the registration declares, as a form's header would: the entry takes it before the form's. */
    public FormHeader header() {
        return new FormHeader(workTitle, trackText, topic, units, members, contact);
    }

    /**
     * The fields that make the registration what it is, without its times and whatever order the source lists its
     * units and members in: its identity, and what tells a record seen again unchanged.
     */
    public Registration canonical() {
        Registration sorted = sorted();
        return new Registration(
                sourceId,
                workTitle,
                trackText,
                topic,
                sorted.units,
                sorted.members,
                contact,
                receiptAddress,
                null,
                null);
    }

    /** The registration with its units and members sorted, its times kept: what a listing says, in any order. */
    public Registration sorted() {
        return new Registration(
                sourceId,
                workTitle,
                trackText,
                topic,
                units.stream().sorted(UNITS).toList(),
                members.stream().sorted(MEMBERS).toList(),
                contact,
                receiptAddress,
                submittedAt,
                updatedAt);
    }

    private static final Comparator<Entry.Unit> UNITS = Comparator.comparing((Entry.Unit u) -> text(u.creditCode()))
            .thenComparing(u -> text(u.name()))
            .thenComparing(Entry.Unit::lead);
    private static final Comparator<Entry.Representative> MEMBERS = Comparator.comparing(
                    (Entry.Representative m) -> text(m.name()))
            .thenComparing(m -> text(m.role()))
            .thenComparing(m -> text(m.phone()))
            .thenComparing(m -> text(m.email()));

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
