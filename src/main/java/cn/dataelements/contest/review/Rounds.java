package cn.dataelements.contest.review;

import cn.dataelements.contest.account.AuditLog;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The rounds of {@code mappings/review.yaml} and where each stands: not opened, open (its entries frozen), closed (no
 * score changes any more). Kept in {@code rounds.jsonl}.
 */
@Component
public class Rounds {

    /** Where a round stands. */
    public enum Status {
        NOT_OPENED,
        OPEN,
        CLOSED
    }

    private final ReviewPlan plan;
    private final EventFile<RoundEvent> file;
    private final EligibleEntries eligible;
    private final Advancements advancements;
    private final AuditLog audit;
    private final Map<String, RoundEvent> opened = new LinkedHashMap<>();
    private final Map<String, RoundEvent> closed = new LinkedHashMap<>();

    Rounds(
            ReviewPlan plan,
            ReviewProperties properties,
            ObjectMapper json,
            EligibleEntries eligible,
            Advancements advancements,
            AuditLog audit) {
        this.plan = plan;
        this.file = new EventFile<>(properties.dir().resolve("rounds.jsonl"), json, RoundEvent.class);
        this.eligible = eligible;
        this.advancements = advancements;
        this.audit = audit;
        file.readAll().forEach(this::apply);
    }

    public ReviewPlan plan() {
        return plan;
    }

    public ReviewPlan.Round round(String key) {
        return plan.round(key).orElseThrow(() -> new UnknownRoundException(key));
    }

    public synchronized Status status(String key) {
        return closed.containsKey(key) ? Status.CLOSED : opened.containsKey(key) ? Status.OPEN : Status.NOT_OPENED;
    }

    /** The round's frozen entries, or none before it opened. */
    public synchronized List<RoundEntry> entries(String key) {
        return Optional.ofNullable(opened.get(key)).map(RoundEvent::entries).orElse(List.of());
    }

    public synchronized Optional<RoundEntry> entry(String key, String entryId) {
        return entries(key).stream().filter(e -> e.entryId().equals(entryId)).findFirst();
    }

    /**
     * Opens a round: freezes its entries (those that passed the compliance review, or those the round before
     * advanced). A round opens once.
     */
    public List<RoundEntry> open(String key, String who) throws IOException {
        ReviewPlan.Round round = round(key);
        requireNotOpened(round);
        // read without the lock (it pages through the index), checked again before it is written
        List<RoundEntry> entries = candidates(round);
        if (entries.isEmpty()) {
            // a round opens once: opened now, it would stay empty for good
            throw new ReviewException(round.name() + "暂时没有可参评的作品（须通过合规性审查：没有未处理的阻断问题，" + "或监督委员会已驳回），本轮未开启。");
        }
        synchronized (this) {
            requireNotOpened(round);
            RoundEvent event = new RoundEvent(key, "OPENED", entries, who, Instant.now());
            file.append(event);
            apply(event);
        }
        audit.record(who, "review.round.open", key, entries.size() + " entries");
        return entries;
    }

    private void requireNotOpened(ReviewPlan.Round round) {
        if (status(round.key()) != Status.NOT_OPENED) {
            throw new ReviewException(round.name() + "已经开启过，参赛作品在开启时已固定。");
        }
    }

    private List<RoundEntry> candidates(ReviewPlan.Round round) throws IOException {
        List<RoundEntry> entries;
        if (round.from().isEmpty()) {
            entries = eligible.passedCompliance();
        } else {
            if (status(round.from()) != Status.CLOSED) {
                throw new ReviewException("请先结束" + round(round.from()).name() + "，再开启" + round.name() + "。");
            }
            List<String> advanced = advancements.advanced(round.from());
            entries = entries(round.from()).stream()
                    .filter(e -> advanced.contains(e.entryId()))
                    .toList();
        }
        return entries;
    }

    public synchronized void close(String key, String who) {
        ReviewPlan.Round round = round(key);
        if (status(key) != Status.OPEN) {
            throw new ReviewException(round.name() + "没有在进行中，不能结束。");
        }
        RoundEvent event = new RoundEvent(key, "CLOSED", List.of(), who, Instant.now());
        file.append(event);
        apply(event);
        audit.record(who, "review.round.close", key, "");
    }

    /**
     * Runs a change to the rounds' scores or assignments while holding the rounds' lock, after checking that each is
     * open: a round cannot close between the check and the write.
     */
    synchronized <T> T whileOpen(List<String> keys, java.util.function.Supplier<T> change) {
        keys.forEach(this::requireOpen);
        return change.get();
    }

    /** Refuses a change to a round's scores or assignments unless it is open. */
    synchronized void requireOpen(String key) {
        Status status = status(key);
        if (status != Status.OPEN) {
            throw new ReviewException(round(key).name() + (status == Status.CLOSED ? "已结束，不能再修改。" : "尚未开启。"));
        }
    }

    private void apply(RoundEvent event) {
        (event.action().equals("OPENED") ? opened : closed).put(event.round(), event);
    }
}
