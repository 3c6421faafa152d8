package cn.dataelements.contest.compliance;

import java.util.List;

/**
 * What an import took in.
 *
 * @param list the stored import
 * @param rows rows accepted
 * @param rejectedRows rows left out, each with its line and the reason
 * @param recheckedEntries the entries checked again because a unit of theirs is on the new import or was on the one
 *     before it
 */
public record ImportReport(ListImport list, int rows, List<RejectedRow> rejectedRows, List<String> recheckedEntries) {

    public ImportReport {
        rejectedRows = List.copyOf(rejectedRows);
        recheckedEntries = recheckedEntries == null ? List.of() : List.copyOf(recheckedEntries);
    }

    /** The same report, with the entries checked again after it. */
    ImportReport rechecked(List<String> entries) {
        return new ImportReport(list, rows, rejectedRows, entries);
    }

    /** A row left out of an import. */
    public record RejectedRow(int line, String reason) implements java.io.Serializable {}
}
