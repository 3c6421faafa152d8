package cn.dataelements.contest.compliance;

import java.time.Instant;

/**
 * One import of a list as kept.
 *
 * @param kind which list
 * @param file how the import is named, {@code <yyyy-MM-dd'T'HHmmss>-<original name>} (Beijing time)
 * @param originalName the name the organizer uploaded it under
 * @param importedAt when it was imported
 * @param rows how many rows it holds that were accepted
 * @param inForce whether it is the newest import of its list, the one the check uses
 */
public record ListImport(
        ListKind kind, String file, String originalName, Instant importedAt, int rows, boolean inForce) {}
