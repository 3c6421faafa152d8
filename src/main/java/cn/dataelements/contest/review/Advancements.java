package cn.dataelements.contest.review;

import cn.dataelements.contest.account.AuditLog;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Which entries advance from each round (or are awarded in the last), as the organizer set it. */
@Component
public class Advancements {

    private final EventFile<Advancement> file;
    private final AuditLog audit;
    private final Map<String, Advancement> latest = new LinkedHashMap<>();

    Advancements(ReviewProperties properties, ObjectMapper json, AuditLog audit) {
        this.file = new EventFile<>(properties.dir().resolve("advancements.jsonl"), json, Advancement.class);
        this.audit = audit;
        file.readAll().forEach(a -> latest.put(a.round() + "\u0000" + a.entryId(), a));
    }

    public synchronized void set(
            String round, String entryId, boolean advanced, boolean withdrawn, String note, String who) {
        Advancement change = new Advancement(round, entryId, advanced, withdrawn, note, who, Instant.now());
        file.append(change);
        latest.put(round + "\u0000" + entryId, change);
        audit.record(
                who,
                withdrawn ? "review.award.withdraw" : "review.advance",
                entryId,
                round + " " + (advanced ? "advanced" : "not advanced") + (note.isEmpty() ? "" : ": " + note));
    }

    public synchronized Optional<Advancement> of(String round, String entryId) {
        return Optional.ofNullable(latest.get(round + "\u0000" + entryId));
    }

    /** The entries that advance from the round (withdrawn ones do not). */
    public synchronized List<String> advanced(String round) {
        return latest.values().stream()
                .filter(a -> a.round().equals(round) && a.advanced() && !a.withdrawn())
                .map(Advancement::entryId)
                .toList();
    }
}
