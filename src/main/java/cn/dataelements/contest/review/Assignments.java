package cn.dataelements.contest.review;

import cn.dataelements.contest.account.Account;
import cn.dataelements.contest.account.AccountStore;
import cn.dataelements.contest.account.AuditLog;
import cn.dataelements.contest.account.ReviewerEntries;
import cn.dataelements.contest.account.Role;
import cn.dataelements.contest.entry.Entries;
import cn.dataelements.contest.entry.Entry;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Who reviews which entry in which round. An assignment is refused, with the reason, when the round is not open, the
 * entry is not in it, the account is not an enabled reviewer, or the reviewer has a conflict of interest with the
 * entry ({@link Conflicts}). Kept in {@code assignments.jsonl}.
 */
@Component
public class Assignments implements ReviewerEntries {

    private final EventFile<Assignment> file;
    private final Rounds rounds;
    private final AccountStore accounts;
    private final Entries entries;
    private final AuditLog audit;
    private final Map<String, Assignment> latest = new LinkedHashMap<>();

    Assignments(
            ReviewProperties properties,
            ObjectMapper json,
            Rounds rounds,
            AccountStore accounts,
            Entries entries,
            AuditLog audit) {
        this.file = new EventFile<>(properties.dir().resolve("assignments.jsonl"), json, Assignment.class);
        this.rounds = rounds;
        this.accounts = accounts;
        this.entries = entries;
        this.audit = audit;
        file.readAll().forEach(a -> latest.put(a.key(), a));
    }

    /**
     * Assigns the reviewer to the entry in the round.
     *
     * @throws ReviewException with the reason in Chinese when the assignment is refused
     */
    public Assignment assign(String round, String entryId, String reviewer, String who) throws IOException {
        // the rounds' lock first, then this one's: the order Scores takes them in too
        return rounds.whileOpen(List.of(round), () -> {
            synchronized (this) {
                return checked(round, entryId, reviewer, who);
            }
        });
    }

    private Assignment checked(String round, String entryId, String reviewer, String who) {
        RoundEntry entry = rounds.entry(round, entryId)
                .orElseThrow(
                        () -> new ReviewException("该作品不在" + rounds.round(round).name() + "中。"));
        Account account = reviewer(reviewer);
        List<String> conflicts;
        try {
            conflicts = Conflicts.between(account, fullEntry(entryId));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Could not read entry " + entryId + " to check conflicts", e);
        }
        if (!conflicts.isEmpty()) {
            audit.record(who, "review.assign.refused", entryId, reviewer + ": " + String.join("; ", conflicts));
            throw new ReviewException("不能分配给" + account.displayName() + "（" + reviewer + "）评审《" + entry.workTitle()
                    + "》：" + String.join("；", conflicts) + "。");
        }
        return write(new Assignment(round, entryId, reviewer, true, who, Instant.now()));
    }

    public void unassign(String round, String entryId, String reviewer, String who) {
        rounds.whileOpen(List.of(round), () -> {
            synchronized (this) {
                return write(new Assignment(round, entryId, reviewer, false, who, Instant.now()));
            }
        });
    }

    /** The round's active assignments. */
    public synchronized List<Assignment> of(String round) {
        return latest.values().stream()
                .filter(a -> a.active() && a.round().equals(round))
                .toList();
    }

    /** The active assignments of one reviewer, in every round. */
    public synchronized List<Assignment> ofReviewer(String reviewer) {
        return latest.values().stream()
                .filter(a -> a.active() && a.reviewer().equals(reviewer))
                .toList();
    }

    public synchronized boolean assigned(String round, String entryId, String reviewer) {
        Assignment a = latest.get(new Assignment(round, entryId, reviewer, true, "", null).key());
        return a != null && a.active();
    }

    @Override
    public synchronized Set<String> visibleTo(String reviewer) {
        return latest.values().stream()
                .filter(a -> a.active()
                        && a.reviewer().equals(reviewer)
                        && !rounds.plan()
                                .round(a.round())
                                .map(ReviewPlan.Round::blind)
                                .orElse(true))
                .map(Assignment::entryId)
                .collect(Collectors.toSet());
    }

    /** The round, when it is in the plan and the entry is assigned to the reviewer in it. */
    public Optional<ReviewPlan.Round> roundOf(String round, String entryId, String reviewer) {
        return rounds.plan().round(round).filter(r -> assigned(round, entryId, reviewer));
    }

    /** The enabled accounts that hold the reviewer role. */
    public List<Account> reviewers() {
        return accounts.all().stream()
                .filter(a -> a.enabled() && a.roles().contains(Role.REVIEWER))
                .toList();
    }

    Entry fullEntry(String entryId) throws IOException {
        return entries.find(entryId).orElseThrow(() -> new ReviewException("作品已不在索引中：" + entryId));
    }

    private Account reviewer(String username) {
        return accounts.find(username)
                .filter(a -> a.enabled() && a.roles().contains(Role.REVIEWER))
                .orElseThrow(() -> new ReviewException("“" + username + "”不是可用的评审专家账号。"));
    }

    private Assignment write(Assignment assignment) {
        file.append(assignment);
        latest.put(assignment.key(), assignment);
        audit.record(
                assignment.by(),
                assignment.active() ? "review.assign" : "review.unassign",
                assignment.entryId(),
                assignment.round() + " " + assignment.reviewer());
        return assignment;
    }
}
