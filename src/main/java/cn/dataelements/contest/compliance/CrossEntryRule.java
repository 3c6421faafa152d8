package cn.dataelements.contest.compliance;

import cn.dataelements.contest.entry.Entry;
import java.util.ArrayList;
import java.util.List;

/**
 * 二.(一).2 and 二.(二).1 of the guide, across all entries of all channels: a person is in one team only, a team
 * submits one work, in one track. Against each other entry: the same team (unit and title) in another track; else
 * the same unit with shared people and another title is a second work of the team; else shared people are people in
 * two teams. The same team in the same track is a later version of the entry, not a finding.
 */
final class CrossEntryRule implements Rule {

    @Override
    public List<Finding> check(CheckInput input, RuleContext context) {
        Entry entry = input.entry();
        List<Finding> findings = new ArrayList<>();
        for (Entry other : context.directory().others(entry)) {
            if (!other.id().equals(entry.id())) {
                findings.addAll(against(entry, other, context));
            }
        }
        return findings;
    }

    /** The other entries this one has a finding with, in the directory's order. */
    static List<String> conflicts(Entry entry, RuleContext context) {
        return context.directory().others(entry).stream()
                .filter(other -> !other.id().equals(entry.id()))
                .filter(other -> !against(entry, other, context).isEmpty())
                .map(Entry::id)
                .toList();
    }

    private static List<Finding> against(Entry entry, Entry other, RuleContext context) {
        String code = Teams.unitCode(entry);
        boolean sameUnit = !code.isEmpty() && code.equals(Teams.unitCode(other));
        String title = Teams.title(entry.workTitle());
        boolean sameTitle = !title.isEmpty() && title.equals(Teams.title(other.workTitle()));
        if (sameUnit && sameTitle) {
            return severalTracks(entry, other, context);
        }
        List<Integer> shared = Teams.shared(entry, other);
        if (shared.isEmpty()) {
            return List.of();
        }
        if (sameUnit) {
            Evidence evidence = Evidence.field("workTitle", entry.workTitle() + " ↔ " + other.id());
            return context
                    .finding(
                            FindingCode.TEAM_SEVERAL_WORKS,
                            evidence,
                            "unit",
                            Teams.unitName(entry),
                            "title",
                            entry.workTitle(),
                            "otherEntry",
                            other.id(),
                            "otherTitle",
                            other.workTitle())
                    .stream()
                    .toList();
        }
        return shared.stream()
                .flatMap(i -> person(entry, i, other, context).stream())
                .toList();
    }

    private static List<Finding> severalTracks(Entry entry, Entry other, RuleContext context) {
        if (entry.track() == null
                || other.track() == null
                || entry.track().number() == other.track().number()) {
            return List.of();
        }
        Evidence evidence = Evidence.field("track", entry.track().name() + " ↔ " + other.id());
        return context
                .finding(
                        FindingCode.TEAM_SEVERAL_TRACKS,
                        evidence,
                        "title",
                        entry.workTitle(),
                        "track",
                        entry.track().name(),
                        "otherEntry",
                        other.id(),
                        "otherTrack",
                        other.track().name())
                .stream()
                .toList();
    }

    private static java.util.Optional<Finding> person(Entry entry, int index, Entry other, RuleContext context) {
        String name = entry.representatives().get(index).name();
        Evidence evidence = Evidence.field("representatives[" + index + "]", name + " ↔ " + other.id());
        return context.finding(
                FindingCode.PERSON_IN_SEVERAL_TEAMS,
                evidence,
                "person",
                name,
                "otherEntry",
                other.id(),
                "otherTitle",
                other.workTitle());
    }
}
