package cn.dataelements.contest.entry;

/**
 * One file of an entry, classified.
 *
 * @param name the file's name
 * @param path where it sits in its submission (attachment, then archive entries)
 * @param kind what it is
 * @param submissionId the submission it came in
 * @param sha256 its digest
 */
public record Material(String name, String path, MaterialKind kind, String submissionId, String sha256) {}
