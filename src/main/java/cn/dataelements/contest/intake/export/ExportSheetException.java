package cn.dataelements.contest.intake.export;

/** A registration sheet that cannot be read: what the organizer reads (Chinese) and what the log says (English). */
public class ExportSheetException extends Exception {

    private final String messageForPeople;

    public ExportSheetException(String messageForPeople, String logMessage) {
        super(logMessage);
        this.messageForPeople = messageForPeople;
    }

    public ExportSheetException(String messageForPeople, String logMessage, Throwable cause) {
        super(logMessage, cause);
        this.messageForPeople = messageForPeople;
    }

    /** True for a zip package that does not open: it may be one still being copied. */
    public boolean unreadableArchive() {
        return false;
    }

    /** The reason in Chinese, for the organizer. */
    public String messageForPeople() {
        return messageForPeople;
    }
}
