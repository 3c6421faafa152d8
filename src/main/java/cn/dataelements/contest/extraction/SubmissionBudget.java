package cn.dataelements.contest.extraction;

import cn.dataelements.contest.submission.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * What is left of one submission's {@link SubmissionLimits} while its files are read, one per submission. Each limit,
 * when reached, gives one problem on the submission, naming the first file that did not fit. Not thread-safe: a
 * submission is read by one thread.
 */
public final class SubmissionBudget {

    private final SubmissionLimits limits;
    private final List<Problem> problems = new ArrayList<>();
    private int files;
    private long bytes;
    private long chars;
    private boolean filesReported;
    private boolean bytesReported;
    private boolean textReported;

    public SubmissionBudget(SubmissionLimits limits) {
        this.limits = limits;
    }

    /** Counts one more file of this size; false (with a problem, once) when it does not fit. */
    boolean admit(String displayPath, long size) {
        if (files >= limits.maxFiles()) {
            reached(true, displayPath);
            return false;
        }
        if (size > limits.maxExpandedSize().toBytes() - bytes) {
            reached(false, displayPath);
            return false;
        }
        files++;
        bytes += size;
        return true;
    }

    /** Files that may still be read. */
    int filesLeft() {
        return Math.max(0, limits.maxFiles() - files);
    }

    /** The file count ({@code files}) or the size limit was reached at this file: one problem each, the first time. */
    void reached(boolean fileCount, String displayPath) {
        if (fileCount && !filesReported) {
            filesReported = true;
            problems.add(new Problem(
                    "SUBMISSION_TOO_MANY_FILES",
                    "本次提交的文件总数超过 " + limits.maxFiles() + " 个，文件“" + displayPath + "”及其后的文件未读取（原件已保存）。",
                    "More than " + limits.maxFiles() + " files in one submission; not read from " + displayPath,
                    displayPath));
        } else if (!fileCount && !bytesReported) {
            bytesReported = true;
            problems.add(new Problem(
                    "SUBMISSION_TOO_LARGE",
                    "本次提交的文件解压后总大小超过 " + limits.maxExpandedSize().toMegabytes() + " MB，文件“" + displayPath
                            + "”及其后超出部分的文件未读取（原件已保存）。",
                    "Files of one submission exceed " + limits.maxExpandedSize() + " in all; " + displayPath
                            + " not read",
                    displayPath));
        }
    }

    /** The archive limits narrowed to what is left of this submission's files and bytes. */
    ArchiveLimits narrow(ArchiveLimits archive) {
        int filesLeft = Math.max(1, limits.maxFiles() - files);
        long bytesLeft = Math.max(1, limits.maxExpandedSize().toBytes() - bytes);
        return new ArchiveLimits(
                archive.maxDepth(),
                Math.min(archive.maxEntries(), filesLeft),
                Math.min(archive.maxTotalBytes(), bytesLeft),
                archive.maxEntryBytes(),
                archive.maxCompressionRatio(),
                archive.externalTimeout());
    }

    /** Characters of text the next file may still have; 0 when the budget is spent. */
    int textLeft() {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(0, limits.maxTextChars() - chars));
    }

    /** Counts a file's text; when the budget cut it (or left it out), a problem says so, once. */
    void spentText(String displayPath, int length, boolean cut) {
        chars += length;
        if (cut && !textReported) {
            textReported = true;
            problems.add(new Problem(
                    "SUBMISSION_TEXT_LIMIT",
                    "本次提交提取的文字总量超过 " + limits.maxTextChars() + " 字，文件“" + displayPath + "”及其后文件的文字未全部编入检索（原件已保存）。",
                    "Text of one submission exceeds " + limits.maxTextChars() + " characters; cut from " + displayPath,
                    displayPath));
        }
    }

    /** The problems of the limits reached so far. */
    public List<Problem> problems() {
        return List.copyOf(problems);
    }
}
