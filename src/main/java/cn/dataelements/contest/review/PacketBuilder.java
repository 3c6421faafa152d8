package cn.dataelements.contest.review;

import cn.dataelements.contest.compliance.CheckedFinding;
import cn.dataelements.contest.entry.Entry;
import cn.dataelements.contest.entry.FormSection;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Makes the packet's normalized entry from the entry and its findings. Contact data is always left out; a blind
 * packet also leaves out the team, its units and people ({@link Blinding}, in every text) and the findings whose
 * message names a unit or another team.
 */
final class PacketBuilder {

    private static final Pattern ORGANIZATION =
            Pattern.compile("[\\u4e00-\\u9fa5]{2,}(?:公司|大学|学院|研究院|研究所|中心|医院|集团|委员会|局)");

    private PacketBuilder() {}

    /**
     * The normalized entry as a packet gives it.
     *
     * @param senders the names and addresses its submissions came from, known only to blind
     * @param found the entry's compliance findings with the committee's decisions
     * @param code the 作品编号 the packet gives: the round's code for reviewers
     */
    static PacketEntry build(Entry full, String code, boolean blind, List<String> senders, List<CheckedFinding> found) {
        Entry entry = full.withoutContacts();
        Blinding blinding = blind ? blinding(full, senders) : Blinding.contactsOnly();
        List<PacketEntry.Section> sections = new ArrayList<>();
        for (FormSection section : entry.sections() == null ? List.<FormSection>of() : entry.sections()) {
            sections.add(new PacketEntry.Section(
                    section.key(),
                    section.title(),
                    section.found(),
                    blinding.apply(section.text()),
                    section.parts() == null
                            ? List.of()
                            : section.parts().stream()
                                    .map(p -> new PacketEntry.Part(p.title(), blinding.apply(p.text())))
                                    .toList()));
        }
        List<String> notes = new ArrayList<>();
        if (blind) {
            notes.add("盲评材料：已隐去团队、单位和人员的名称、联系方式及统一社会信用代码；不含原件。");
        } else {
            notes.add("评审材料：不含联系人及联系方式。原件见压缩包中的“原件”文件夹。");
        }
        return new PacketEntry(
                code,
                blind,
                blinding.apply(entry.workTitle()),
                entry.track() == null ? "未识别赛道" : entry.track().name(),
                blinding.apply(entry.topic()),
                blind ? "" : nullToEmpty(entry.teamName()),
                blind || entry.units() == null
                        ? List.of()
                        : entry.units().stream().map(Entry.Unit::name).toList(),
                blind || entry.representatives() == null
                        ? List.of()
                        : entry.representatives().stream()
                                .map(Entry.Representative::name)
                                .toList(),
                sections,
                entry.materials().stream()
                        .map(m -> m.kind().labelZh() + "：" + blinding.apply(m.name()))
                        .toList(),
                findings(found, blinding),
                !blind,
                notes);
    }

    private static List<PacketEntry.PacketFinding> findings(List<CheckedFinding> found, Blinding blinding) {
        List<PacketEntry.PacketFinding> shown = new ArrayList<>();
        for (CheckedFinding f : found) {
            String message = f.finding().messageZh();
            if (blinding.blind()
                    && (blinding.names(message) || ORGANIZATION.matcher(message).find())) {
                continue;
            }
            shown.add(new PacketEntry.PacketFinding(
                    f.finding().code(),
                    f.finding().severity().name(),
                    blinding.apply(message),
                    f.decision() == null ? "" : f.decision().verdict(),
                    f.decision() == null ? "" : reason(f.decision().reason(), blinding),
                    f.decision() == null ? null : f.decision().at()));
        }
        return shown;
    }

    /** The work title as a blind packet gives it. */
    static String blindTitle(Entry full, List<String> senders) {
        return blinding(full, senders).apply(full.workTitle());
    }

    private static Blinding blinding(Entry full, List<String> senders) {
        return Blinding.of(full, senders, texts(full));
    }

    private static List<String> texts(Entry entry) {
        List<String> texts = new ArrayList<>();
        if (entry.sections() != null) {
            entry.sections().forEach(s -> texts.add(s.text()));
        }
        return texts;
    }

    /** The committee's reason; in a blind packet, one that names an organization is left out, as it says. */
    private static String reason(String reason, Blinding blinding) {
        if (blinding.blind() && reason != null && ORGANIZATION.matcher(reason).find()) {
            return "（理由中提及单位名称，盲评材料中略去）";
        }
        return blinding.apply(reason);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
