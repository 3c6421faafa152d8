package cn.dataelements.contest.compliance;

import java.util.List;
import java.util.Optional;

/**
 * The import of a list that is in force, with look-ups by unit. A unit matches a row by credit code when both have
 * one, otherwise by name (equal or one inside the other, after normalization).
 *
 * @param source the import, or null when none was ever made
 * @param rows its accepted rows
 */
public record WatchList(ListImport source, List<ListRow> rows) {

    public WatchList {
        rows = List.copyOf(rows);
    }

    static WatchList empty() {
        return new WatchList(null, List.of());
    }

    /** How a finding names the list: the stored file, which carries the import date. */
    public String label() {
        return source == null ? "" : source.file();
    }

    /** The first row that names this unit. */
    public Optional<ListRow> find(String unitName, String creditCode) {
        return rows.stream().filter(r -> matches(r, unitName, creditCode)).findFirst();
    }

    /** All rows that name this unit. */
    public List<ListRow> findAll(String unitName, String creditCode) {
        return rows.stream().filter(r -> matches(r, unitName, creditCode)).toList();
    }

    private static boolean matches(ListRow row, String unitName, String creditCode) {
        boolean bothCodes = !row.creditCode().isEmpty() && creditCode != null && !creditCode.isBlank();
        if (bothCodes) {
            return row.creditCode().equalsIgnoreCase(creditCode.strip());
        }
        return OrganizationNames.sameOrganization(row.unitName(), unitName);
    }
}
