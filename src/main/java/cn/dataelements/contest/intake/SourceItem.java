package cn.dataelements.contest.intake;

/** The few facts about an item at its source that a ledger line names, known before it is archived. */
public record SourceItem(String folder, long uid, String messageId) {}
