package cn.dataelements.contest.extraction;

import java.nio.file.Path;

/**
 * One file taken out of an archive.
 *
 * @param displayPath the archive's name, then the decoded entry path, e.g. {@code 相关证明材料.zip/资质/营业执照.pdf};
 *     entries of nested archives continue the path of the nested archive
 * @param file where the bytes are, under the expansion's output directory; the name is generated and never derived
 *     from the entry name, so no entry can write outside that directory
 * @param size bytes written
 * @param sha256 lower-case hex SHA-256 of those bytes
 */
public record ExpandedFile(String displayPath, Path file, long size, String sha256) {}
