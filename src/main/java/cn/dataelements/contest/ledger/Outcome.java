package cn.dataelements.contest.ledger;

/** What happened to one received item. */
public enum Outcome {
    /** archived, parsed and acknowledged by the index */
    INDEXED,
    /** the same bytes had arrived before from another source item: kept once, counted here */
    DUPLICATE,
    /** the same source item again (a redelivery after a crash): it was already indexed */
    ALREADY_INDEXED,
    /** the content cannot be handled: moved to the quarantine folder, the original kept in the archive */
    QUARANTINED,
    /** a transient failure (index, disk, mail server): left at the source to be tried again */
    RETRIED
}
