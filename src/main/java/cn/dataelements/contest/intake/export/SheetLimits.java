package cn.dataelements.contest.intake.export;

/**
 * How much of a registration sheet is read, so a sheet never takes more memory than its rows need: a sheet file
 * larger than {@code maxBytes} is not read at all, and one with more than {@code maxRows} rows stops being read at
 * the row past it; either is reported with the sheet, and the package is refused whole rather than taken in part.
 *
 * @param maxBytes the largest sheet file read
 * @param maxRows the most rows (below the header) a sheet may have
 */
public record SheetLimits(long maxBytes, int maxRows) {

    /** 64 MB and 20,000 rows: far above a province's registrations, far below what would strain the app. */
    public static final SheetLimits DEFAULT = new SheetLimits(64L << 20, 20_000);
}
