package cn.dataelements.contest.normalize;

import cn.dataelements.contest.entry.FormSection;
import cn.dataelements.contest.submission.Problem;
import java.util.List;

/**
 * An application form read into the entry's shape: its header fields and one section per vocabulary section, in
 * vocabulary order whatever the document's order, with missing ones marked rather than dropped, so every packet
 * has the same sections.
 *
 * @param header the fields of the form's header table or "字段：值" lines
 * @param sections one per vocabulary section, {@code found=false} when the document lacks it
 * @param problems {@code FORM_SECTION_MISSING} per missing section; {@code FORM_NOT_RECOGNISED} when fewer than two
 *     sections were found, or the XHTML could not be read
 */
public record NormalizedForm(FormHeader header, List<FormSection> sections, List<Problem> problems) {

    public NormalizedForm {
        sections = List.copyOf(sections);
        problems = List.copyOf(problems);
    }

    /** Whether enough of the form's sections were found to read it as a form. */
    public boolean recognised() {
        return problems.stream().noneMatch(p -> p.code().equals(FormNormalizer.NOT_RECOGNISED));
    }
}
