package cn.dataelements.contest.entry;

import cn.dataelements.contest.extraction.MaterialReader.ReadFile;
import cn.dataelements.contest.normalize.FormHeader;
import cn.dataelements.contest.normalize.FormNormalizer;
import cn.dataelements.contest.normalize.RegistrationReader;
import cn.dataelements.contest.normalize.RegistrationSheet;
import cn.dataelements.contest.normalize.SectionVocabulary;
import cn.dataelements.contest.submission.ReadSubmission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The documents of a submission that say what its entry is: the application form (or track 14's 方案介绍) for the
 * sections and the header, and the 参赛作品登记表 for its texts and for the header fields the form leaves blank.
 *
 * @param form the form to read, a Word document before a PDF since Word keeps headings and tables
 * @param sheet the registration sheet, if any
 * @param registration what the sheet says, when it says anything
 * @param unreadable the path of the first file classified as the form that gave no text
 */
record FormDocuments(
        Optional<ReadFile> form,
        Optional<ReadFile> sheet,
        Optional<RegistrationSheet> registration,
        Optional<String> unreadable) {

    private static final List<MaterialKind> FORMS =
            List.of(MaterialKind.APPLICATION_FORM, MaterialKind.SOLUTION_INTRODUCTION);

    static FormDocuments of(ReadSubmission read, List<Material> materials) {
        Optional<ReadFile> sheet = firstOfKind(read, materials, List.of(MaterialKind.REGISTRATION_SHEET));
        return new FormDocuments(
                firstOfKind(read, materials, FORMS),
                sheet,
                sheet.map(f -> RegistrationReader.read(f.xhtml())).filter(r -> !r.isEmpty()),
                materials.stream()
                        .filter(m -> FORMS.contains(m.kind()))
                        .map(Material::path)
                        .findFirst());
    }

    /**
     * The path of a file classified as the form (or 方案介绍) that gave no text, when no form could be read: what the
     * entry says instead of "no form".
     */
    Optional<String> unreadableForm() {
        return form.isPresent() ? Optional.empty() : unreadable;
    }

    /** The form's header, its blanks filled from the sheet; null without either. */
    FormHeader header(FormNormalizer normalizer, SectionVocabulary vocabulary) {
        return form.map(f -> normalizer.normalize(f.xhtml(), vocabulary).header())
                .map(h -> registration.map(r -> h.orElse(r.header())).orElse(h))
                .or(() -> registration.map(RegistrationSheet::header))
                .orElse(null);
    }

    /** The title lines the form and the sheet start with ("……数字机关赛道参赛作品登记表"). */
    List<String> titles() {
        return Stream.of(form, sheet)
                .flatMap(Optional::stream)
                .flatMap(f -> FormNormalizer.documentTitle(f.document().text()).stream())
                .toList();
    }

    /** The sheet's texts for the entry, or null without a sheet that says anything. */
    Entry.Registration entryRegistration() {
        return registration
                .map(r -> new Entry.Registration(sheet.orElseThrow().document().path(), r.summary(), r.highlights()))
                .orElse(null);
    }

    private static Optional<ReadFile> firstOfKind(
            ReadSubmission read, List<Material> materials, List<MaterialKind> kinds) {
        List<ReadFile> found = new ArrayList<>();
        for (int i = 0; i < materials.size(); i++) {
            if (kinds.contains(materials.get(i).kind())
                    && !read.files().get(i).xhtml().isBlank()) {
                found.add(read.files().get(i));
            }
        }
        return found.stream().min(Comparator.comparingInt(FormDocuments::formatRank));
    }

    private static int formatRank(ReadFile file) {
        String type = String.valueOf(file.document().contentType());
        return type.contains("wordprocessingml") ? 0 : type.contains("msword") ? 1 : 2;
    }
}
