package cn.dataelements.contest.review;

import cn.dataelements.contest.account.AuditLog;
import cn.dataelements.contest.system.web.Downloads;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The review as a reviewer meets it, on 我的评审 and in {@code /api/reviewing}: each assigned entry by the code its
 * round gave it (初赛-A017), never by the entry's id, which is derived from public data; its title blinded when the
 * round is blind; its packet; the reviewer's own score. An entry not assigned to the reviewer is not found, as an
 * unknown code is.
 */
@Component
public class ReviewerDesk {

    /** An assigned entry as its reviewer sees it. */
    public record Task(
            ReviewPlan.Round round, String status, String code, String workTitle, String trackName, GivenScore score) {}

    /**
     * The reviewer's score for an entry, without the entry's id.
     *
     * @param by who entered it: the reviewer, or the organizer who entered their paper sheet (代录)
     */
    public record GivenScore(Map<String, BigDecimal> criteria, String comment, String source, String by, Instant at) {

        static GivenScore of(Score score) {
            return new GivenScore(score.criteria(), score.comment(), score.source(), score.by(), score.at());
        }

        /** Entered by an organizer from the reviewer's signed paper sheet. */
        public boolean proxy(String reviewer) {
            return !by.equals(reviewer);
        }
    }

    private final Rounds rounds;
    private final Assignments assignments;
    private final Scores scores;
    private final Packets packets;
    private final AuditLog audit;

    ReviewerDesk(Rounds rounds, Assignments assignments, Scores scores, Packets packets, AuditLog audit) {
        this.rounds = rounds;
        this.assignments = assignments;
        this.scores = scores;
        this.packets = packets;
        this.audit = audit;
    }

    /** The reviewer's entries, round by round in the plan's order. */
    public List<Task> tasks(String reviewer) {
        List<Assignment> mine = assignments.ofReviewer(reviewer);
        List<Task> tasks = new ArrayList<>();
        for (ReviewPlan.Round round : rounds.plan().rounds()) {
            String status = rounds.status(round.key()).name();
            for (Assignment assignment : mine) {
                if (assignment.round().equals(round.key())) {
                    rounds.entry(round.key(), assignment.entryId())
                            .ifPresent(entry -> tasks.add(task(round, status, entry, reviewer)));
                }
            }
        }
        return tasks;
    }

    /** Sends the packet of the entry with this code, when it is assigned to the reviewer; the download is audited. */
    public void packet(String round, String code, String reviewer, String via, HttpServletResponse response)
            throws IOException {
        ReviewPlan.Round shown = rounds.round(round);
        RoundEntry entry = assigned(round, code, reviewer);
        audit.record(
                reviewer,
                "review.packet",
                entry.entryId(),
                round + " " + entry.code() + (shown.blind() ? " blind" : " named") + " (" + via + ")");
        Downloads.send(
                response,
                Packets.fileName(entry.code(), shown.blind()),
                "application/zip",
                out -> packets.write(
                        entry.entryId(), entry.code(), shown.blind(), new PacketReading(shown, reviewer), out));
    }

    /** Records or corrects the reviewer's score for the entry with this code while the round is open. */
    public GivenScore score(
            String round, String code, String reviewer, Map<String, BigDecimal> values, String comment, String via) {
        rounds.round(round);
        RoundEntry entry = assigned(round, code, reviewer);
        Score score = new Score(round, entry.entryId(), reviewer, values, comment, via, reviewer, Instant.now());
        scores.record(List.of(score));
        return GivenScore.of(score);
    }

    /** The entry with this code, when it is assigned to the reviewer; 404 otherwise, as for a code that is unknown. */
    public RoundEntry assigned(String round, String code, String reviewer) {
        return rounds.byCode(round, code)
                .filter(entry -> assignments.assigned(round, entry.entryId(), reviewer))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有分配给您的这件作品"));
    }

    private Task task(ReviewPlan.Round round, String status, RoundEntry entry, String reviewer) {
        String title;
        try {
            title = packets.title(entry, round.blind());
        } catch (IOException e) {
            title = "（作品名称暂不可读）";
        }
        Optional<Score> given = scores.of(round.key(), entry.entryId(), reviewer);
        return new Task(
                round,
                status,
                entry.code(),
                title,
                entry.trackName(),
                given.map(GivenScore::of).orElse(null));
    }
}
