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
 * @param teamKey the team's identity (lead unit's credit code + work title), or empty when the submission does not
 *     say both: then the entry is the submission's own and never merged with another
 * @param versions every version, oldest first: each the cumulative set of the team's files at one submission
 * @param currentVersion the number of the version that counts: the last one before the stage deadline
 * @param registration what the 参赛作品登记表 (track 14) says beyond the header fields, or null without one
 * @param missingFiles files a channel listed for the team, up to the current version, that it could not deliver and
 *     no later submission brought
 * @param formText the form's whole text when its parts were not recognized (shown in their stead, with a note), else
 *     empty
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
        String status,
        String teamKey,
        List<Version> versions,
        int currentVersion,
        Registration registration,
        List<MissingFile> missingFiles,
        String formText) {

    public Entry {
        // entries indexed before missing files were kept have none
        missingFiles = missingFiles == null ? List.of() : List.copyOf(missingFiles);
        formText = formText == null ? "" : formText;
    }

    /**
     * One version of an entry: the files the team had sent by this submission, a later file replacing an earlier one
     * of the same kind.
     *
     * @param number 1 for the first submission
     * @param submissionId the submission that made it
     * @param receivedAt the channel's receipt time (UTC)
     * @param late received after the stage deadline: kept and viewable, but not the current version
     * @param materials the cumulative files
     */
    public record Version(
            int number, String submissionId, java.time.Instant receivedAt, boolean late, List<Material> materials) {}

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

    /**
     * The two texts of a 参赛作品登记表, as written.
     *
     * @param file the sheet's path in its submission
     * @param summary 作品简介
     * @param highlights 作品亮点
     */
    public record Registration(String file, String summary, String highlights) {}

    /** The entry without its contact data (the contact person, members' phones and e-mails): what a reviewer gets. */
    public Entry withoutContacts() {
        return new Entry(
                id,
                submissions,
                track,
                topic,
                workTitle,
                teamName,
                units,
                representatives == null
                        ? null
                        : representatives.stream()
                                .map(r -> new Representative(r.name(), r.role(), "", ""))
                                .toList(),
                null,
                sections,
                materials,
                problems,
                status,
                teamKey,
                versions,
                currentVersion,
                registration,
                missingFiles,
                formText);
    }

    /** A work title made comparable: NFKC, lower case, without spaces, quotes and book-title marks. */
    public static String comparableTitle(String title) {
        String nfkc = java.text.Normalizer.normalize(title == null ? "" : title, java.text.Normalizer.Form.NFKC);
        return nfkc.replaceAll("[\\s《》〈〉\"'“”‘’「」]", "").toLowerCase(java.util.Locale.ROOT);
    }
}
