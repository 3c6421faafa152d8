package cn.dataelements.contest.entry;

/**
 * One file of an entry, classified.
 *
 * @param name the file's name
 * @param path where it sits in its submission (attachment, then archive entries)
 * @param kind what it is
 * @param submissionId the submission it came in
 * @param sha256 its digest
 * @param signatures how many electronic seals (电子签章) or digital signatures it carries (an OFD says), else 0
 */
public record Material(
        String name, String path, MaterialKind kind, String submissionId, String sha256, int signatures) {

    /** A file that carries no seal. */
    public Material(String name, String path, MaterialKind kind, String submissionId, String sha256) {
        this(name, path, kind, submissionId, sha256, 0);
    }

    /** Whether it carries an electronic seal or a digital signature. */
    public boolean sealed() {
        return signatures > 0;
    }
}
