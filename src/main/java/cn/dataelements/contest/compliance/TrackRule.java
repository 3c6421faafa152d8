package cn.dataelements.contest.compliance;

import cn.dataelements.contest.catalog.Channel;
import cn.dataelements.contest.catalog.Track;
import cn.dataelements.contest.entry.Entry;
import java.util.List;
import java.util.Optional;

/**
 * The track is known, accepted in the city selection (not 教育创新), and the entry came by the channel the guide fixes
 * for it (e.g. 现代农业 by mail, 工业制造 by the portal).
 */
final class TrackRule implements Rule {

    @Override
    public List<Finding> check(CheckInput input, RuleContext context) {
        Entry entry = input.entry();
        String file = RuleContext.formPath(entry);
        Optional<Track> track = context.track(entry);
        if (track.isEmpty()) {
            String written =
                    entry.track() == null ? "" : String.valueOf(entry.track().number());
            return context.finding(FindingCode.TRACK_UNKNOWN, new Evidence(file, "track", written, -1)).stream()
                    .toList();
        }
        Track t = track.get();
        Evidence evidence = new Evidence(file, "track", t.name(), -1);
        if (t.channel() == Channel.NONE) {
            return context.finding(FindingCode.TRACK_NOT_ACCEPTED, evidence, "track", t.name()).stream()
                    .toList();
        }
        if (t.channel().yamlName().equals(input.arrivedByChannel())) {
            return List.of();
        }
        return context
                .finding(
                        FindingCode.WRONG_CHANNEL,
                        new Evidence(file, "channel", input.arrivedByChannel(), -1),
                        "track",
                        t.name(),
                        "expected",
                        Labels.channel(t.channel()),
                        "actual",
                        Labels.arrived(input.arrivedByChannel()))
                .stream()
                .toList();
    }
}
