package cn.dataelements.contest.intake.export;

import cn.dataelements.contest.intake.records.MappingProblem;
import cn.dataelements.contest.intake.records.RecordBundle;
import cn.dataelements.contest.intake.records.Registration;
import java.util.List;

/**
 * An export package as read: its registration sheet, one row per registration with the files it names, and the files
 * no row names.
 *
 * @param name the package's name in the drop folder
 * @param sheet the sheet's path inside the package
 * @param format the sheet's real format, by its content
 * @param rows the sheet's rows, in its order
 * @param unclaimed files of the package that no row names (the sheet itself and the done-marker aside)
 * @param problems what could not be read of the package but did not stop it (an encrypted entry, a corrupt one)
 */
public record ExportPackage(
        String name,
        String sheet,
        ExportSheet.Format format,
        List<Row> rows,
        List<String> unclaimed,
        List<String> problems) {

    /**
     * One registration of the sheet.
     *
     * @param number its row number in the sheet
     * @param source the row as received: the sheet's headers and its cells, as JSON
     * @param registration what the mapping reads of it, or null when it does not map
     * @param files the files it names that the package holds
     * @param missing the files it names that the package lacks, or refuses (outside it)
     * @param problems why it does not map, if it does not
     */
    public record Row(
            int number,
            byte[] source,
            Registration registration,
            List<RecordBundle.BundleFile> files,
            List<RecordBundle.MissingFile> missing,
            List<MappingProblem> problems) {}
}
