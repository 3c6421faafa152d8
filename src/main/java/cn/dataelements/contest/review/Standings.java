package cn.dataelements.contest.review;

import cn.dataelements.contest.entry.Entries;
import cn.dataelements.contest.entry.Entry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A round's ranking from its stores ({@link Ranking}), the organizer's advancement of the top entries, and the award
 * list. Advancing the top N of a track is refused while a tie crosses the line: the organizer then decides entry by
 * entry.
 */
@Component
public class Standings {

    /** An entry on the award list: awarded, or withdrawn after an upheld objection. */
    public record Award(Ranking.Row row, String trackName, List<String> units, boolean withdrawn, String note) {}

    private final Rounds rounds;
    private final Assignments assignments;
    private final Scores scores;
    private final Advancements advancements;
    private final Entries entries;

    Standings(Rounds rounds, Assignments assignments, Scores scores, Advancements advancements, Entries entries) {
        this.rounds = rounds;
        this.assignments = assignments;
        this.scores = scores;
        this.advancements = advancements;
        this.entries = entries;
    }

    public List<Ranking.Track> of(String round) {
        return Ranking.of(
                rounds.round(round),
                rounds.entries(round),
                assignments.of(round),
                scores.of(round),
                new HashSet<>(advancements.advanced(round)),
                new HashSet<>(advancements.withdrawn(round)));
    }

    /**
     * Makes each track's proposed entries the advanced ones (and only them), once the round is closed; answers the
     * tracks left alone because of a tie at the line. An award withdrawn on an objection stays withdrawn.
     */
    public List<String> advanceTop(String round, String who) {
        if (rounds.status(round) != Rounds.Status.CLOSED) {
            throw new ReviewException("请先结束" + rounds.round(round).name() + "（评分确定后），再按排名确定晋级。");
        }
        List<String> leftAlone = new ArrayList<>();
        for (Ranking.Track track : of(round)) {
            if (track.tieAtCutoff()) {
                leftAlone.add(track.name() + "：第 " + rounds.round(round).advancePerTrack() + " 名处并列，请逐个决定。");
                continue;
            }
            track.rows().stream()
                    .filter(r -> r.proposed() != r.advanced()
                            && !withdrawn(round, r.entry().entryId()))
                    .forEach(r -> {
                        try {
                            advancements.advance(
                                    round, r.entry().entryId(), r.proposed(), r.proposed() ? "按排名晋级" : "按排名未晋级", who);
                        } catch (ReviewException withdrawnMeanwhile) {
                            // an award withdrawn since the ranking was read stays withdrawn
                        }
                    });
        }
        return leftAlone;
    }

    /**
     * The organizer's decision on one entry. An entry tied at its track's line needs a reason: a tie is decided
     * explicitly, never by the order of a list.
     */
    public void set(String round, String entryId, boolean advanced, String reason, String who) {
        if (rounds.entry(round, entryId).isEmpty()) {
            throw new ReviewException("该作品不在" + rounds.round(round).name() + "中。");
        }
        if (rounds.status(round) != Rounds.Status.CLOSED) {
            // checked again in the statement that writes
            throw new ReviewException("本轮尚未结束，不能确定晋级。");
        }
        String why = reason == null ? "" : reason.strip();
        boolean tiedAtLine = of(round).stream()
                .filter(Ranking.Track::tieAtCutoff)
                .flatMap(t -> t.rows().stream())
                .anyMatch(r -> r.entry().entryId().equals(entryId) && r.tied());
        if (tiedAtLine && why.isEmpty()) {
            throw new ReviewException("该作品在第 " + rounds.round(round).advancePerTrack() + " 名处与其他作品并列：请写明决定的理由。");
        }
        // refused in the statement that writes when the award was withdrawn, however the two race
        String note = (advanced ? "组织方确定" : "组织方取消") + (why.isEmpty() ? "" : "：" + why);
        advancements.advance(round, entryId, advanced, note, who);
    }

    private boolean withdrawn(String round, String entryId) {
        return advancements.of(round, entryId).map(Advancement::withdrawn).orElse(false);
    }

    /** The round's award list: advanced entries, and those whose award was withdrawn, in ranking order. */
    public List<Award> awards(String round) throws IOException {
        List<Award> awards = new ArrayList<>();
        for (Ranking.Track track : of(round)) {
            for (Ranking.Row row : track.rows()) {
                var state = advancements.of(round, row.entry().entryId());
                if (state.isEmpty() || !(state.get().advanced() || state.get().withdrawn())) {
                    continue;
                }
                List<String> units = entries.find(row.entry().entryId())
                        .map(e -> e.units() == null
                                ? List.<String>of()
                                : e.units().stream().map(Entry.Unit::name).toList())
                        .orElse(List.of());
                awards.add(new Award(
                        row,
                        track.name(),
                        units,
                        state.get().withdrawn(),
                        state.get().note()));
            }
        }
        return awards;
    }
}
