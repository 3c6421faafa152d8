package cn.dataelements.contest.compliance;

import java.util.List;

/**
 * What an import took in.
 *
 * @param list the stored import
 * @param rows rows accepted
 * @param rejectedRows rows left out, each with its line and the reason
 */
public record ImportReport(ListImport list, int rows, List<RejectedRow> rejectedRows) {

    public ImportReport {
        rejectedRows = List.copyOf(rejectedRows);
    }

    /** A row left out of an import. */
    public record RejectedRow(int line, String reason) {}
}
