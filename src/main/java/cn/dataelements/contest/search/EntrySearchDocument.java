package cn.dataelements.contest.search;

import cn.dataelements.contest.compliance.CheckInput;
import cn.dataelements.contest.compliance.CheckedFinding;
import cn.dataelements.contest.compliance.EntryFindings;
import cn.dataelements.contest.entry.Entry;
import cn.dataelements.contest.entry.FormSection;
import cn.dataelements.contest.entry.Material;
import cn.dataelements.contest.system.text.CharacterPairs;
import cn.dataelements.contest.system.text.ChineseFolding;
import com.ibm.icu.text.Collator;
import com.ibm.icu.util.ULocale;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One entry as search needs it, in {@code contest-search} ({@code mappings/elasticsearch/search.index.json}): the
 * header, the five sections, each current file's text (nested, so a hit says which files matched), the findings and the
 * committee's decisions. Every searched text has a folded copy ({@code _f}, {@link ChineseFolding}) of the same length,
 * through which hits are highlighted in the text as written, and the pair tokens of that copy ({@code _p},
 * {@link CharacterPairs}), which words are found by. The pair tokens are indexed, never kept in the source.
 */
public record EntrySearchDocument(
        String id,
        String title,
        String title_f,
        String title_p,
        String titleSort,
        String units,
        String units_f,
        String units_p,
        List<String> unitNames,
        String track,
        Integer trackNumber,
        String topic,
        List<String> channels,
        Instant receivedAt,
        Instant firstReceivedAt,
        String versionStatus,
        int currentVersion,
        String sections,
        String sections_f,
        String sections_p,
        List<FileText> files,
        List<String> findingCodes,
        List<String> severities,
        List<String> decisions,
        Instant indexedAt) {

    /** A file of the entry's current version, with its text, its folded copy and its pair tokens. */
    public record FileText(String name, String path, String text, String text_f, String text_p) {

        static FileText of(String name, String path, String text) {
            String folded = ChineseFolding.fold(text);
            return new FileText(name, path, text, folded, CharacterPairs.tokens(folded));
        }
    }

    /** A finding not (yet) decided by the committee. */
    public static final String UNDECIDED = "undecided";

    private static final ThreadLocal<Collator> CHINESE =
            ThreadLocal.withInitial(() -> Collator.getInstance(ULocale.SIMPLIFIED_CHINESE));

    /** The document of an entry as just checked. */
    public static EntrySearchDocument of(CheckInput input, EntryFindings findings, Instant now) {
        Entry entry = input.entry();
        String title = Objects.requireNonNullElse(entry.workTitle(), "");
        String units = entry.units().stream().map(Entry.Unit::name).collect(Collectors.joining("\n"));
        String sections = entry.sections().stream()
                .filter(FormSection::found)
                .map(s -> s.title() + "\n" + Objects.requireNonNullElse(s.text(), ""))
                .collect(Collectors.joining("\n\n"));
        List<Material> current = entry.versions().stream()
                .filter(v -> v.number() == entry.currentVersion())
                .findFirst()
                .map(Entry.Version::materials)
                .orElse(entry.materials());
        List<FileText> files = current.stream()
                .map(m -> {
                    String text = input.texts().getOrDefault(m.path(), "");
                    return FileText.of(m.name(), m.path(), text);
                })
                .toList();
        List<Entry.EntrySubmission> submissions = entry.submissions();
        String titleFolded = ChineseFolding.fold(title);
        String unitsFolded = ChineseFolding.fold(units);
        String sectionsFolded = ChineseFolding.fold(sections);
        return new EntrySearchDocument(
                entry.id(),
                title,
                titleFolded,
                CharacterPairs.tokens(titleFolded),
                sortKey(title),
                units,
                unitsFolded,
                CharacterPairs.tokens(unitsFolded),
                entry.units().stream().map(Entry.Unit::name).distinct().toList(),
                entry.track() == null ? null : entry.track().name(),
                entry.track() == null ? null : entry.track().number(),
                entry.topic(),
                submissions.stream()
                        .map(Entry.EntrySubmission::channel)
                        .distinct()
                        .sorted()
                        .toList(),
                submissions.stream()
                        .map(Entry.EntrySubmission::receivedAt)
                        .max(Comparator.naturalOrder())
                        .orElse(null),
                submissions.stream()
                        .map(Entry.EntrySubmission::receivedAt)
                        .min(Comparator.naturalOrder())
                        .orElse(null),
                entry.versions().stream().anyMatch(Entry.Version::late) ? "late" : "current",
                entry.currentVersion(),
                sections,
                sectionsFolded,
                CharacterPairs.tokens(sectionsFolded),
                files,
                findings.findings().stream()
                        .map(f -> f.finding().code())
                        .distinct()
                        .toList(),
                findings.findings().stream()
                        .map(f -> f.finding().severity().name().toLowerCase(java.util.Locale.ROOT))
                        .distinct()
                        .toList(),
                findings.findings().stream()
                        .map(EntrySearchDocument::decision)
                        .distinct()
                        .toList(),
                now);
    }

    /** This document with the longest file text left out (the file still listed), or itself when none is left. */
    public EntrySearchDocument withoutLargestFileText() {
        FileText largest = files.stream()
                .filter(f -> !f.text().isEmpty())
                .max(Comparator.comparingInt(f -> f.text().length()))
                .orElse(null);
        if (largest == null) {
            return this;
        }
        List<FileText> kept = files.stream()
                .map(f -> f == largest ? FileText.of(f.name(), f.path(), "") : f)
                .toList();
        return new EntrySearchDocument(
                id,
                title,
                title_f,
                title_p,
                titleSort,
                units,
                units_f,
                units_p,
                unitNames,
                track,
                trackNumber,
                topic,
                channels,
                receivedAt,
                firstReceivedAt,
                versionStatus,
                currentVersion,
                sections,
                sections_f,
                sections_p,
                kept,
                findingCodes,
                severities,
                decisions,
                indexedAt);
    }

    private static String decision(CheckedFinding finding) {
        return finding.decision() == null ? UNDECIDED : finding.decision().verdict();
    }

    /** The title's ICU collation key for Chinese (pinyin order), as hex: sorting the keyword sorts the titles. */
    static String sortKey(String title) {
        return HexFormat.of().formatHex(CHINESE.get().getCollationKey(title).toByteArray());
    }
}
