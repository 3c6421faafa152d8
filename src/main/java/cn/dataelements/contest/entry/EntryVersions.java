package cn.dataelements.contest.entry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Merges a team's submissions into one entry with versions. A version is the cumulative set of the team's files in
 * the order of receipt: a later submission replaces files of the same kind and keeps the rest (a mail that only adds
 * a missing proof does not lose the application form). Versions are numbered in order of intake, and a number once
 * given is kept ({@link VersionNumbers}); the current version is the last one received before the deadline. What the
 * form says comes from the newest submission, up to the current one, that had one.
 */
final class EntryVersions {

    private EntryVersions() {}

    /** The merged entry, and the number of each of its submissions (the given ones and any new ones). */
    record Merged(Entry entry, Map<String, Integer> numbers) {}

    /**
     * @param given numbers this entry's submissions were given before: kept; a submission without one gets the next
     *     number after every number given so far, in order of receipt
     */
    static Merged merge(
            String entryId, List<SubmissionView> views, Optional<Instant> deadline, Map<String, Integer> given) {
        List<SubmissionView> received = views.stream()
                .sorted(Comparator.comparing(SubmissionView::order))
                .toList();
        Map<String, Integer> numbers = numbers(received, given);
        List<Entry.Version> versions = new ArrayList<>();
        List<Material> files = List.of();
        int current = -1;
        for (int i = 0; i < received.size(); i++) {
            SubmissionView v = received.get(i);
            files = replaceByKind(files, v.view().materials());
            boolean late = deadline.map(d -> v.receivedAt().isAfter(d)).orElse(false);
            versions.add(
                    new Entry.Version(numbers.get(v.submissionId()), v.submissionId(), v.receivedAt(), late, files));
            if (!late || current < 0 && i == received.size() - 1) {
                current = i;
            }
        }
        Entry.Version currentVersion = versions.get(current);
        List<SubmissionView> upToCurrent = received.subList(0, current + 1);
        Entry form = formSource(upToCurrent);
        List<Entry.EntrySubmission> submissions =
                received.stream().flatMap(v -> v.view().submissions().stream()).toList();
        Entry entry = new Entry(
                entryId,
                submissions,
                form.track(),
                form.topic(),
                form.workTitle(),
                form.teamName(),
                form.units(),
                form.representatives(),
                form.contact(),
                form.sections(),
                currentVersion.materials(),
                form.problems(),
                form.status(),
                form.teamKey(),
                versions.stream()
                        .sorted(Comparator.comparingInt(Entry.Version::number))
                        .toList(),
                currentVersion.number(),
                registration(upToCurrent),
                missingFiles(upToCurrent, currentVersion.materials()),
                form.formText());
        return new Merged(entry, numbers);
    }

    private static Map<String, Integer> numbers(List<SubmissionView> received, Map<String, Integer> given) {
        Map<String, Integer> numbers = new HashMap<>();
        int next = given.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        for (SubmissionView v : received) {
            Integer number = given.get(v.submissionId());
            numbers.put(v.submissionId(), number != null ? number : next++);
        }
        return numbers;
    }

    /** The newest submission (up to the current version) whose form was read; else simply the newest. */
    private static Entry formSource(List<SubmissionView> upToCurrent) {
        for (int i = upToCurrent.size() - 1; i >= 0; i--) {
            Entry view = upToCurrent.get(i).view();
            if (view.sections().stream().anyMatch(FormSection::found)) {
                return view;
            }
        }
        return upToCurrent.get(upToCurrent.size() - 1).view();
    }

    /** The newest registration sheet up to the current version: a later mail without one does not erase it. */
    private static Entry.Registration registration(List<SubmissionView> upToCurrent) {
        for (int i = upToCurrent.size() - 1; i >= 0; i--) {
            Entry.Registration registration = upToCurrent.get(i).view().registration();
            if (registration != null) {
                return registration;
            }
        }
        return null;
    }

    /**
     * The files the team's submissions up to the current version listed but did not deliver, each once (the newest
     * word on it), less those a submission did deliver: a file of that name among the current version's.
     */
    private static List<MissingFile> missingFiles(List<SubmissionView> upToCurrent, List<Material> current) {
        Map<String, MissingFile> missing = new java.util.LinkedHashMap<>();
        upToCurrent.forEach(v -> v.view().missingFiles().forEach(m -> missing.put(m.name(), m)));
        java.util.Set<String> delivered =
                current.stream().map(Material::name).collect(java.util.stream.Collectors.toSet());
        return missing.values().stream()
                .filter(m -> !delivered.contains(m.name()))
                .toList();
    }

    /** Files of a kind the newer submission has replace the older ones; OTHER files are replaced only by name. */
    private static List<Material> replaceByKind(List<Material> before, List<Material> newer) {
        List<Material> result = new ArrayList<>();
        for (Material old : before) {
            boolean replaced = newer.stream()
                    .anyMatch(n -> n.kind() == MaterialKind.OTHER || n.kind() == MaterialKind.ARCHIVE
                            ? n.kind() == old.kind() && n.name().equals(old.name())
                            : n.kind() == old.kind());
            if (!replaced) {
                result.add(old);
            }
        }
        result.addAll(newer);
        return List.copyOf(result);
    }
}
