package cn.dataelements.contest.intake.export;

/** A zip package that does not open: broken, or still being copied. */
class UnreadablePackageException extends ExportSheetException {

    UnreadablePackageException(String messageForPeople, String logMessage) {
        super(messageForPeople, logMessage);
    }

    @Override
    public boolean unreadableArchive() {
        return true;
    }
}
