package cn.dataelements.contest.review;

import cn.dataelements.contest.account.Account;
import cn.dataelements.contest.entry.Entry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Assigns a round's entries automatically: each entry (of one track, or all) gets reviewers until it has the round's
 * number per entry, each time the reviewer with the fewest entries in the round who has no conflict with it (ties by
 * user name, so the same state gives the same assignment). Entries that cannot get enough reviewers are reported.
 */
@Component
public class AutoAssignment {

    /** What an automatic assignment did: how many assignments it made, and the entries left short, with why. */
    public record Report(int made, List<String> shortOf) {}

    private final Assignments assignments;
    private final Rounds rounds;

    AutoAssignment(Assignments assignments, Rounds rounds) {
        this.assignments = assignments;
        this.rounds = rounds;
    }

    /** @param track the track's number, or null for every track */
    public synchronized Report assign(String round, Integer track, String who) throws IOException {
        rounds.requireOpen(round);
        int wanted = rounds.round(round).reviewersPerEntry();
        List<Account> reviewers = assignments.reviewers();
        Map<String, Integer> load = new HashMap<>();
        reviewers.forEach(r -> load.put(r.username(), 0));
        Map<String, Integer> perEntry = new HashMap<>();
        assignments.of(round).forEach(a -> {
            load.merge(a.reviewer(), 1, Integer::sum);
            perEntry.merge(a.entryId(), 1, Integer::sum);
        });
        int made = 0;
        List<String> shortOf = new ArrayList<>();
        for (RoundEntry entry : rounds.entries(round)) {
            if (track != null && entry.track() != track) {
                continue;
            }
            int has = perEntry.getOrDefault(entry.entryId(), 0);
            Entry full = has >= wanted ? null : assignments.fullEntry(entry.entryId());
            List<Account> candidates = reviewers.stream()
                    .filter(r -> full != null && !assignments.assigned(round, entry.entryId(), r.username()))
                    .filter(r -> Conflicts.between(r, full).isEmpty())
                    .sorted(Comparator.comparing((Account r) -> load.get(r.username()))
                            .thenComparing(Account::username))
                    .toList();
            for (Account reviewer : candidates) {
                if (has >= wanted) {
                    break;
                }
                assignments.assign(round, entry.entryId(), reviewer.username(), who);
                load.merge(reviewer.username(), 1, Integer::sum);
                has++;
                made++;
            }
            if (has < wanted) {
                shortOf.add("《" + entry.workTitle() + "》只有 " + has + " 位评审专家（需要 " + wanted + " 位）：其余评审专家与它有利益冲突或人数不足");
            }
        }
        return new Report(made, shortOf);
    }
}
