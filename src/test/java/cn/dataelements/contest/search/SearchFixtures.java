package cn.dataelements.contest.search;

import cn.dataelements.contest.compliance.CheckInput;
import cn.dataelements.contest.compliance.CheckedFinding;
import cn.dataelements.contest.compliance.EntryFindings;
import cn.dataelements.contest.compliance.Evidence;
import cn.dataelements.contest.compliance.Finding;
import cn.dataelements.contest.compliance.Severity;
import cn.dataelements.contest.entry.Entry;
import cn.dataelements.contest.entry.FormSection;
import cn.dataelements.contest.entry.Material;
import cn.dataelements.contest.entry.MaterialKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Entries for search tests, written the way the search index gets them: an entry, its file texts, its findings. */
final class SearchFixtures {

    private final String tag;
    private final List<EntrySearchDocument> documents = new ArrayList<>();

    SearchFixtures(String tag) {
        this.tag = tag;
    }

    /** The unit every fixture entry has besides its own: filtering on it keeps other tests' entries out. */
    String unit() {
        return "检索测试单位" + tag;
    }

    List<EntrySearchDocument> documents() {
        return documents;
    }

    /** One entry; {@code files} alternate a file name and its text. */
    SearchFixtures entry(
            String key,
            String title,
            String track,
            String unit,
            String channel,
            String receivedAt,
            String sections,
            String finding,
            String... files) {
        List<Material> materials = new ArrayList<>();
        Map<String, String> texts = new LinkedHashMap<>();
        for (int i = 0; i < files.length; i += 2) {
            String path = "mail/" + files[i];
            materials.add(new Material(files[i], path, MaterialKind.OTHER, "sub-" + key, "0".repeat(64)));
            texts.put(path, files[i + 1]);
        }
        Instant received = Instant.parse(receivedAt);
        Entry entry = new Entry(
                id(key),
                List.of(new Entry.EntrySubmission("sub-" + key, channel, "", received)),
                new Entry.Track(track.equals("工业制造") ? 1 : track.equals("现代农业") ? 2 : 3, track),
                "",
                title,
                "",
                List.of(new Entry.Unit(unit, "", true), new Entry.Unit(unit(), "", false)),
                List.of(),
                new Entry.Contact("", "", ""),
                List.of(new FormSection("overview", "作品概述", true, "一、作品概述", sections, List.of())),
                materials,
                List.of(),
                "received",
                "",
                List.of(new Entry.Version(1, "sub-" + key, received, false, materials)),
                1,
                null,
                List.of(),
                "");
        List<CheckedFinding> findings = finding == null
                ? List.of()
                : List.of(new CheckedFinding(
                        new Finding(finding, Severity.BLOCKING, "问题", new Evidence("", "", "", -1)), "", null));
        documents.add(EntrySearchDocument.of(
                new CheckInput(entry, texts, channel),
                new EntryFindings(id(key), received, findings, List.of()),
                received));
        return this;
    }

    String id(String key) {
        return "search-" + tag + "-" + key;
    }
}
