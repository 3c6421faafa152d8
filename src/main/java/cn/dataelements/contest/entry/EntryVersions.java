package cn.dataelements.contest.entry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Merges a team's submissions into one entry with versions. A version is the cumulative set of the team's files: a
 * later submission replaces files of the same kind and keeps the rest (a mail that only adds a missing proof does
 * not lose the application form). What the form says comes from the newest current submission that had one.
 */
final class EntryVersions {

    private EntryVersions() {}

    static Entry merge(String entryId, List<SubmissionView> views, Optional<Instant> deadline) {
        List<SubmissionView> ordered = views.stream()
                .sorted(Comparator.comparing(SubmissionView::receivedAt).thenComparing(SubmissionView::submissionId))
                .toList();
        List<Entry.Version> versions = new ArrayList<>();
        List<Material> files = List.of();
        for (SubmissionView v : ordered) {
            files = replaceByKind(files, v.view().materials());
            boolean late = deadline.map(d -> v.receivedAt().isAfter(d)).orElse(false);
            versions.add(new Entry.Version(versions.size() + 1, v.submissionId(), v.receivedAt(), late, files));
        }
        int current = versions.stream()
                .filter(v -> !v.late())
                .mapToInt(Entry.Version::number)
                .max()
                .orElse(versions.size());
        Entry form = formSource(ordered.subList(0, current));
        List<Entry.EntrySubmission> submissions =
                ordered.stream().flatMap(v -> v.view().submissions().stream()).toList();
        return new Entry(
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
                versions.get(current - 1).materials(),
                form.problems(),
                form.status(),
                form.teamKey(),
                versions,
                current,
                registration(ordered.subList(0, current)));
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
