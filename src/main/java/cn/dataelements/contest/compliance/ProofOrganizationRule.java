package cn.dataelements.contest.compliance;

import cn.dataelements.contest.entry.Entry;
import cn.dataelements.contest.entry.Material;
import cn.dataelements.contest.ocr.OcrTexts;
import java.util.List;

/**
 * 二.(二).3 of the guide: the materials belong to the team itself, not a parent, subsidiary or holding company. A proof
 * document (PROOF_*) whose text names an organization that is none of the entry's units (compared normalized, either
 * name inside the other) is flagged for a person: a customer named in an application-case proof is normal, so this is
 * a warning to look, never a verdict.
 */
final class ProofOrganizationRule implements Rule {

    @Override
    public List<Finding> check(CheckInput input, RuleContext context) {
        Entry entry = input.entry();
        return entry.materials().stream()
                .filter(m -> m.kind().name().startsWith("PROOF_"))
                .flatMap(m -> inMaterial(entry, m, input.texts().get(m.path()), context).stream())
                .toList();
    }

    /**
     * The organizations the proof names that are none of the entry's units. A name in the text OCR read from a scan
     * ({@link OcrTexts#MARK} on) may have one character misread, so it matches a unit with one character apart,
     * and a finding on it says that it rests on OCR (its evidence field {@code ocr}).
     */
    private static List<Finding> inMaterial(Entry entry, Material material, String text, RuleContext context) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        int ocrFrom = text.indexOf(OcrTexts.MARK);
        return context.settings().organizations().find(text).stream()
                .filter(found -> {
                    boolean ocr = ocrFrom >= 0 && found.offset() > ocrFrom;
                    return entry.units().stream()
                            .noneMatch(u -> ocr
                                    ? OrganizationNames.sameOrganizationOcr(u.name(), found.name())
                                    : OrganizationNames.sameOrganization(u.name(), found.name()));
                })
                .flatMap(found -> {
                    boolean ocr = ocrFrom >= 0 && found.offset() > ocrFrom;
                    return context
                            .finding(
                                    FindingCode.PROOF_NAMES_OTHER_ORGANIZATION,
                                    new Evidence(material.path(), ocr ? "ocr" : "text", found.name(), found.offset()),
                                    "file",
                                    material.name() + (ocr ? "（扫描件，依据 OCR 识别的文字）" : ""),
                                    "organization",
                                    found.name())
                            .stream();
                })
                .toList();
    }
}
