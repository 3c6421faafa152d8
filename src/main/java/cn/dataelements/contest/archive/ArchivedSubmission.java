package cn.dataelements.contest.archive;

import java.nio.file.Path;

/**
 * A submission safely on disk: its id is the sha-256 of its raw bytes, so the same bytes are one submission
 * whatever route, folder or UID they came by.
 *
 * @param id lower-case hex sha-256 of the raw bytes
 * @param file the archived raw bytes
 * @param size bytes
 * @param firstReceived the facts of the first time these bytes were received
 * @param received the facts of this receipt
 */
public record ArchivedSubmission(String id, Path file, long size, ReceivedFacts firstReceived, ReceivedFacts received) {

    /** Where it stands in the order of receipt: by its first receipt, as a rebuild replays it. */
    public ReceivedOrder order() {
        return ReceivedOrder.of(firstReceived, id);
    }

    /** True when these bytes had been archived before from a different source item: a second sending. */
    public boolean isResent() {
        return !firstReceived.sameSourceItem(received);
    }
}
