package cn.dataelements.contest.review;

import cn.dataelements.contest.account.AuditLog;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The final's roadshow (决赛路演), for a round the plan marks {@code roadshow: true}: the finalists present one after
 * another in a fixed order (by track, then by the round's random codes, so the order is drawn); an organizer moves
 * the "now presenting" pointer; each expert assigned to the team presenting scores it on their own device, unseen by
 * the others; a big screen shows who has scored, never a score, and the ranking once every score is in. A score sent
 * again (a retry on a dropped connection) is the one score it was: nothing is written twice.
 */
@Component
public class Roadshow {

    /** An expert assigned to the team presenting, and whether their score is in. */
    public record Expert(String username, boolean scored) {}

    /** A finalist in presenting order, with how many of its experts have scored (never what). */
    public record Finalist(RoundEntry entry, String title, int scored, int assigned) {

        public boolean done() {
            return assigned > 0 && scored == assigned;
        }
    }

    /**
     * Where the roadshow stands.
     *
     * @param now the team presenting, or null before the organizer starts
     * @param experts the experts assigned to the team presenting
     * @param complete every expert has scored every team they were assigned
     * @param ranking each track's ranking with the arithmetic means, only once complete; empty before
     */
    public record State(
            ReviewPlan.Round round,
            Rounds.Status status,
            List<Finalist> finalists,
            Finalist now,
            List<Expert> experts,
            boolean complete,
            List<Ranking.Track> ranking) {

        /** What changes the big screen: the pointer, and every score that comes in. */
        public String version() {
            int scored = finalists.stream().mapToInt(Finalist::scored).sum();
            return status + "/" + (now == null ? "" : now.entry().code()) + "/" + scored;
        }
    }

    private final Rounds rounds;
    private final Assignments assignments;
    private final Scores scores;
    private final Standings standings;
    private final Packets packets;
    private final JdbcClient db;
    private final AuditLog audit;

    Roadshow(
            Rounds rounds,
            Assignments assignments,
            Scores scores,
            Standings standings,
            Packets packets,
            JdbcClient db,
            AuditLog audit) {
        this.rounds = rounds;
        this.assignments = assignments;
        this.scores = scores;
        this.standings = standings;
        this.packets = packets;
        this.db = db;
        this.audit = audit;
    }

    /** The rounds scored live, in the plan's order. */
    public List<ReviewPlan.Round> rounds() {
        return rounds.plan().rounds().stream()
                .filter(ReviewPlan.Round::roadshow)
                .toList();
    }

    /** The round a roadshow page shows when none is named: the first one open, else the first one. */
    public Optional<ReviewPlan.Round> current() {
        List<ReviewPlan.Round> live = rounds();
        return live.stream()
                .filter(r -> rounds.status(r.key()) == Rounds.Status.OPEN)
                .findFirst()
                .or(() -> live.stream().findFirst());
    }

    /** A round scored live, by its key. */
    public ReviewPlan.Round round(String key) {
        ReviewPlan.Round round = rounds.round(key);
        if (!round.roadshow()) {
            // as unknown as a round the plan does not have: only rounds scored live have a roadshow
            throw new UnknownRoundException(key);
        }
        return round;
    }

    /** The team presenting now, if the organizer has started. */
    public Optional<RoundEntry> now(String key) {
        return db.sql("select entry_id from review_roadshow where round = ?")
                .param(key)
                .query(String.class)
                .optional()
                .flatMap(id -> rounds.entry(key, id));
    }

    /** Makes this finalist the team presenting; only while the round is open. */
    public void move(String key, String entryId, String who) {
        ReviewPlan.Round round = round(key);
        RoundEntry entry = rounds.entry(key, entryId).orElseThrow(() -> new ReviewException(round.name() + "没有这件作品。"));
        rounds.whileOpen(
                List.of(key),
                () -> db.sql("insert into review_roadshow (round, entry_id, moved_by, moved_at) values (?, ?, ?, ?)"
                                + " on conflict (round) do update set entry_id = excluded.entry_id,"
                                + " moved_by = excluded.moved_by, moved_at = excluded.moved_at")
                        .params(key, entryId, who, java.sql.Timestamp.from(Instant.now()))
                        .update());
        audit.record(who, "roadshow.move", entryId, key + " " + entry.code());
    }

    /** The finalist after (or before) the one presenting, in presenting order; the first when none is. */
    public Optional<RoundEntry> next(String key, int step) {
        List<RoundEntry> order = order(key);
        if (order.isEmpty()) {
            return Optional.empty();
        }
        Optional<RoundEntry> now = now(key);
        if (now.isEmpty()) {
            return Optional.of(order.get(0));
        }
        int at = order.indexOf(now.get()) + step;
        return at < 0 || at >= order.size() ? Optional.empty() : Optional.of(order.get(at));
    }

    /**
     * Records the expert's score for the finalist with this code. The same score sent again writes nothing; a
     * different one corrects it while the round is open.
     *
     * @return whether anything was written
     */
    public boolean score(String key, RoundEntry entry, String expert, Map<String, BigDecimal> values, String comment) {
        Optional<Score> given = scores.of(key, entry.entryId(), expert);
        if (given.isPresent() && same(given.get(), values, comment)) {
            return false;
        }
        scores.record(
                List.of(new Score(key, entry.entryId(), expert, values, comment, "roadshow", expert, Instant.now())));
        return true;
    }

    private static boolean same(Score score, Map<String, BigDecimal> values, String comment) {
        if (!score.comment().equals(comment == null ? "" : comment)
                || !score.criteria().keySet().equals(values.keySet())) {
            return false;
        }
        return values.entrySet().stream()
                .allMatch(v -> score.criteria().get(v.getKey()).compareTo(v.getValue()) == 0);
    }

    /** The round's finalists in presenting order: by track, then by code (drawn at random when the round opened). */
    public List<RoundEntry> order(String key) {
        return rounds.entries(key).stream()
                .sorted(Comparator.comparingInt(RoundEntry::track).thenComparing(RoundEntry::code))
                .toList();
    }

    public State state(String key) throws IOException {
        ReviewPlan.Round round = round(key);
        List<Assignment> assigned = assignments.of(key);
        Set<String> scored = new HashSet<>();
        scores.of(key).forEach(s -> scored.add(s.entryId() + "\n" + s.reviewer()));
        Map<String, int[]> counts = new HashMap<>();
        for (Assignment a : assigned) {
            int[] count = counts.computeIfAbsent(a.entryId(), k -> new int[2]);
            count[1]++;
            if (scored.contains(a.entryId() + "\n" + a.reviewer())) {
                count[0]++;
            }
        }
        List<Finalist> finalists = new java.util.ArrayList<>();
        for (RoundEntry entry : order(key)) {
            int[] count = counts.getOrDefault(entry.entryId(), new int[2]);
            finalists.add(new Finalist(entry, packets.title(entry, round.blind()), count[0], count[1]));
        }
        Optional<RoundEntry> now = now(key);
        Finalist presenting = now.flatMap(
                        n -> finalists.stream().filter(f -> f.entry().equals(n)).findFirst())
                .orElse(null);
        List<Expert> experts = now.map(n -> assigned.stream()
                        .filter(a -> a.entryId().equals(n.entryId()))
                        .map(a -> new Expert(a.reviewer(), scored.contains(a.entryId() + "\n" + a.reviewer())))
                        .sorted(Comparator.comparing(Expert::username))
                        .toList())
                .orElse(List.of());
        boolean complete = !assigned.isEmpty() && finalists.stream().allMatch(f -> f.assigned() == f.scored());
        return new State(
                round,
                rounds.status(key),
                finalists,
                presenting,
                experts,
                complete,
                complete ? standings.of(key) : List.of());
    }
}
