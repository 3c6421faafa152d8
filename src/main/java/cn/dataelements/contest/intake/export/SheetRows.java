package cn.dataelements.contest.intake.export;

import java.util.List;

/** Where a sheet reader hands each row it reads, in order: its number in the sheet (1 = the first) and its cells. */
@FunctionalInterface
interface SheetRows {

    /** Takes a row; throws when the sheet has more rows than its limit, which ends the reading. */
    void row(int number, List<String> cells) throws ExportSheetException;
}
