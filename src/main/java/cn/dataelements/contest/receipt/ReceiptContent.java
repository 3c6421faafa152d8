package cn.dataelements.contest.receipt;

import cn.dataelements.contest.entry.Entry;
import java.util.List;
import java.util.Objects;

/**
 * What the pipeline knows after processing one version of a mailed entry, and all a receipt says about it. Who gets the
 * receipt is not part of it: {@link Receipts} takes that from the mail, under its policy.
 *
 * @param entryId the entry's id
 * @param version the version number of the entry this mail made (1 for the first)
 * @param files the files received, with their kinds in Chinese
 * @param trackText the track line, e.g. {@code 赛道：2 现代农业}; see {@link #trackText(Entry.Track)}
 * @param fixableMessagesZh the findings the team can fix itself, in Chinese, one message each
 */
public record ReceiptContent(
        String entryId, int version, List<ReceivedFile> files, String trackText, List<String> fixableMessagesZh) {

    public ReceiptContent {
        Objects.requireNonNull(entryId, "entryId");
        Objects.requireNonNull(trackText, "trackText");
        if (entryId.isBlank() || version < 1) {
            throw new IllegalArgumentException(
                    "a receipt needs an entry id and a version from 1: " + entryId + " v" + version);
        }
        files = List.copyOf(files);
        fixableMessagesZh = List.copyOf(fixableMessagesZh);
    }

    /** The track line of a receipt: {@code 赛道：2 现代农业}, or that it could not be recognised. */
    public static String trackText(Entry.Track track) {
        return track == null ? "赛道：未能识别赛道（请在邮件主题或作品申报书中注明参赛赛道）" : "赛道：" + track.number() + " " + track.name();
    }
}
