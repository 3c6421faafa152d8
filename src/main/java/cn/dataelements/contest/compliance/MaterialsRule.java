package cn.dataelements.contest.compliance;

import cn.dataelements.contest.catalog.Direction;
import cn.dataelements.contest.catalog.MaterialRequirement;
import cn.dataelements.contest.catalog.Need;
import cn.dataelements.contest.catalog.Track;
import cn.dataelements.contest.entry.Entry;
import cn.dataelements.contest.entry.MaterialKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The materials tracks.yaml asks of the entry's track (or of its direction, for 数字机关): a missing required one is
 * blocking, a missing recommended one a warning. A track 14 entry whose direction cannot be told is not checked.
 */
final class MaterialsRule implements Rule {

    @Override
    public List<Finding> check(CheckInput input, RuleContext context) {
        Entry entry = input.entry();
        List<Finding> findings = new ArrayList<>();
        for (MaterialRequirement requirement : requirements(entry, context)) {
            boolean present = entry.materials().stream().anyMatch(m -> m.kind() == requirement.kind());
            if (present || requirement.need() == Need.OPTIONAL) {
                continue;
            }
            FindingCode code = requirement.need() == Need.REQUIRED
                    ? FindingCode.MATERIAL_MISSING
                    : FindingCode.MATERIAL_RECOMMENDED_MISSING;
            String label = Labels.material(requirement.kind());
            context.finding(
                            code,
                            new Evidence("", "materials", requirement.kind().name(), -1),
                            "material",
                            label)
                    .ifPresent(findings::add);
        }
        return findings;
    }

    static List<MaterialRequirement> requirements(Entry entry, RuleContext context) {
        Optional<Track> track = context.track(entry);
        if (track.isEmpty()) {
            return List.of();
        }
        if (track.get().directions().isEmpty()) {
            return track.get().materials();
        }
        return direction(entry, track.get()).map(Direction::materials).orElse(List.of());
    }

    static Optional<Direction> direction(Entry entry, Track track) {
        Optional<Direction> byTopic = track.findDirection(entry.topic() == null ? "" : entry.topic());
        if (byTopic.isPresent()) {
            return byTopic;
        }
        // An entry that carries a 作品方案介绍 is a 数据赋能 work: 数字技能 submits no work at all.
        boolean hasWork = entry.materials().stream().anyMatch(m -> m.kind() == MaterialKind.SOLUTION_INTRODUCTION);
        return hasWork
                ? track.directions().stream()
                        .filter(d -> !d.materials().isEmpty())
                        .findFirst()
                : Optional.empty();
    }
}
