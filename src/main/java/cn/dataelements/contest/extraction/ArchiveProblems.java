package cn.dataelements.contest.extraction;

import cn.dataelements.contest.submission.Problem;

/**
 * The problems archive expansion can record, one factory per stable code, so the Chinese wording for organizers and
 * teams lives in one place.
 */
public final class ArchiveProblems {

    static final String RAR_UNSUPPORTED = "ARCHIVE_RAR_UNSUPPORTED";
    static final String ENCRYPTED = "ARCHIVE_ENCRYPTED";
    static final String CORRUPT = "ARCHIVE_CORRUPT";
    public static final String TOO_DEEP = "ARCHIVE_TOO_DEEP";
    static final String TOO_MANY_ENTRIES = "ARCHIVE_TOO_MANY_ENTRIES";
    static final String TOO_LARGE = "ARCHIVE_TOO_LARGE";
    static final String ENTRY_TOO_LARGE = "ARCHIVE_ENTRY_TOO_LARGE";
    static final String SUSPICIOUS_RATIO = "ARCHIVE_SUSPICIOUS_RATIO";
    static final String LINK_SKIPPED = "ARCHIVE_LINK_SKIPPED";
    static final String SPECIAL_ENTRY_SKIPPED = "ARCHIVE_SPECIAL_ENTRY_SKIPPED";
    static final String UNSUPPORTED_METHOD = "ARCHIVE_UNSUPPORTED_METHOD";
    static final String UNKNOWN_FORMAT = "ARCHIVE_UNKNOWN_FORMAT";
    static final String TIMEOUT = "ARCHIVE_TIMEOUT";

    private ArchiveProblems() {}

    static Problem rarUnsupported(String location) {
        return new Problem(
                RAR_UNSUPPORTED,
                "该 RAR 压缩包已按收到的原样保存，但本系统无法解压，其中的文件未被读取。请组织方手工解压核对，或请参赛团队改用 ZIP 格式重新发送。",
                "RAR archive kept as received but not expanded: bsdtar (libarchive-tools) is not on the PATH",
                location);
    }

    static Problem encrypted(String location, int entries) {
        return new Problem(
                ENCRYPTED,
                "压缩包已加密，无法解压" + (entries > 0 ? "（" + entries + " 个文件未读取）" : "") + "。请参赛团队发送未加密的压缩包。",
                "Archive is encrypted: " + (entries > 0 ? entries + " entries" : "its content")
                        + " could not be read without a password",
                location);
    }

    static Problem corrupt(String location, String detail) {
        return new Problem(
                CORRUPT,
                "压缩包已损坏或不完整，未能全部解压；已解出的文件已保留。请参赛团队重新打包后发送。",
                "Archive is corrupt or truncated: " + detail,
                location);
    }

    static Problem tooDeep(String location, int maxDepth) {
        return new Problem(
                TOO_DEEP,
                "压缩包嵌套超过 " + maxDepth + " 层，最内层的压缩包已按原样保存，未再解压。",
                "Nested archive not expanded: more than " + maxDepth + " archive levels",
                location);
    }

    static Problem tooManyEntries(String location, int maxEntries) {
        return new Problem(
                TOO_MANY_ENTRIES,
                "压缩包内文件超过 " + maxEntries + " 个，其余文件未解压。",
                "Stopped after " + maxEntries + " entries",
                location);
    }

    static Problem tooLarge(String location, long maxTotalBytes) {
        return new Problem(
                TOO_LARGE,
                "压缩包解压后的总大小超过 " + mebibytes(maxTotalBytes) + "，其余文件未解压。",
                "Stopped at the total limit of " + maxTotalBytes + " bytes",
                location);
    }

    static Problem entryTooLarge(String location, long maxEntryBytes) {
        return new Problem(
                ENTRY_TOO_LARGE,
                "压缩包内的该文件超过 " + mebibytes(maxEntryBytes) + "，未解压。",
                "Entry exceeds the per-entry limit of " + maxEntryBytes + " bytes; partial output deleted",
                location);
    }

    static Problem suspiciousRatio(String location, double ratio) {
        return new Problem(
                SUSPICIOUS_RATIO,
                "压缩包内的该文件压缩比异常（超过 " + Math.round(ratio) + " 倍），疑似“压缩炸弹”，未解压。",
                "Entry expands beyond " + ratio + " times its compressed size; partial output deleted",
                location);
    }

    static Problem linkSkipped(String location) {
        return new Problem(LINK_SKIPPED, "压缩包内含符号链接或硬链接，出于安全原因已跳过。", "Symbolic or hard link entry skipped", location);
    }

    static Problem specialEntrySkipped(String location) {
        return new Problem(
                SPECIAL_ENTRY_SKIPPED,
                "压缩包内含设备文件等特殊条目，已跳过。",
                "Entry is neither a regular file nor a directory; skipped",
                location);
    }

    static Problem unsupportedMethod(String location, String detail) {
        return new Problem(
                UNSUPPORTED_METHOD,
                "压缩包内的该文件使用了不支持的压缩方式，未解压。请参赛团队用常见的 ZIP 格式重新打包。",
                "Unsupported compression method: " + detail,
                location);
    }

    static Problem unknownFormat(String location) {
        return new Problem(
                UNKNOWN_FORMAT,
                "无法识别该压缩包的格式，文件已按原样保存，未解压。",
                "Not a zip, 7z, tar, tar.gz or rar archive by its content",
                location);
    }

    static Problem timeout(String location, long seconds) {
        return new Problem(
                TIMEOUT,
                "解压该压缩包超时（" + seconds + " 秒），已解出的文件已保留，其余未解压。",
                "bsdtar did not finish within " + seconds + " s and was killed",
                location);
    }

    private static String mebibytes(long bytes) {
        return (bytes >> 20) + " MB";
    }
}
