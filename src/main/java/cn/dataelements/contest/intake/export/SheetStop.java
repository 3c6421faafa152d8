package cn.dataelements.contest.intake.export;

/**
 * Ends a streaming sheet reader's walk early, carrying a limit's failure out of a parser's callback (which may throw
 * no checked exception) to the reader, which throws the failure itself.
 */
final class SheetStop extends RuntimeException {

    final ExportSheetException reason;

    SheetStop(ExportSheetException reason) {
        super(reason.getMessage(), null, false, false);
        this.reason = reason;
    }
}
