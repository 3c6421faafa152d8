package cn.dataelements.contest.entry;

import cn.dataelements.contest.submission.Problem;
import java.util.List;

/**
 * One contest entry in the shape reviewers and organizers see it, whatever channel it came by: header fields, the
 * application form's five sections in their fixed order, and the classified materials. Derived from submissions and
 * the archive, never edited in place: rebuilding it from the archive gives the same entry. Matches
 * {@code mappings/elasticsearch/entries.index.json}.
 *
 * @param id stable id of the entry
 * @param submissions the submissions it is made of
 * @param track the track (number and name), or null when it could not be determined
 * @param topic the topic (赛题) as named in the form, or empty
 * @param workTitle 作品名称
 * @param teamName the team's name, or empty
 * @param units participating units, the lead unit first when known
 * @param representatives team members / representatives
 * @param contact the contact person
 * @param sections the five form sections (or track 14's four parts), always in catalog order, missing ones marked
 * @param materials every file, classified
 * @param problems what could not be read or found (a missing section, an unreadable form)
 * @param status the entry's intake status
 */
public record Entry(
        String id,
        List<EntrySubmission> submissions,
        Track track,
        String topic,
        String workTitle,
        String teamName,
        List<Unit> units,
        List<Representative> representatives,
        Contact contact,
        List<FormSection> sections,
        List<Material> materials,
        List<Problem> problems,
        String status) {

    /** A submission that an entry is made of. */
    public record EntrySubmission(String id, String channel, String reference, java.time.Instant receivedAt) {}

    /** A track of the catalog. */
    public record Track(int number, String name) {}

    /** A participating unit; the credit code is kept as written (normalized to upper-case ASCII). */
    public record Unit(String name, String creditCode, boolean lead) {}

    /** A team member or representative. */
    public record Representative(String name, String role, String phone, String email) {}

    /** The entry's contact person. */
    public record Contact(String name, String phone, String email) {}
}
