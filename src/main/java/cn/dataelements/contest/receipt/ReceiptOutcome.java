package cn.dataelements.contest.receipt;

/** What {@link Receipts#acknowledge} did with one version's receipt. */
public enum ReceiptOutcome {
    /** the SMTP server accepted it */
    SENT,
    /** written to the outbox, the SMTP server did not take it yet: retried by the outbox's flush */
    QUEUED,
    /** this entry version already has a receipt (sent, queued or skipped): none again */
    ALREADY_HANDLED,
    /** the mail looks automatic, or has no valid Reply-To or From address: no receipt */
    NOT_ANSWERED,
    /** the address reached its rate limit: recorded under skipped/, not sent */
    RATE_LIMITED,
    /** receipts are switched off ({@code intake.receipts.enabled=false}) */
    DISABLED
}
