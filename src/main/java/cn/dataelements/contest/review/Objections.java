package cn.dataelements.contest.review;

import cn.dataelements.contest.account.AuditLog;
import cn.dataelements.contest.system.storage.KeptFiles;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Objections to the award list and the committee's decisions on them. Only real-name objections with evidence are
 * taken (guide, section 五: 举报实行实名制，并要求提供相应的证据，匿名举报无效); an anonymous one is refused with that
 * reason. An upheld objection withdraws the entry's award, which the award list then shows as withdrawn.
 */
@Component
public class Objections {

    /** An objection with the committee's latest decision on it, if any. */
    public record Case(Objection objection, Objection.Decision decision) {}

    private final EventFile<Objection> file;
    private final EventFile<Objection.Decision> decisionsFile;
    private final Path evidenceDir;
    private final Advancements advancements;
    private final AuditLog audit;
    private final Map<String, Objection> objections = new LinkedHashMap<>();
    private final Map<String, Objection.Decision> decisions = new LinkedHashMap<>();

    Objections(ReviewProperties properties, ObjectMapper json, Advancements advancements, AuditLog audit) {
        this.file = new EventFile<>(properties.dir().resolve("objections.jsonl"), json, Objection.class);
        this.decisionsFile =
                new EventFile<>(properties.dir().resolve("objection-decisions.jsonl"), json, Objection.Decision.class);
        this.evidenceDir = properties.dir().toAbsolutePath().resolve("evidence");
        this.advancements = advancements;
        this.audit = audit;
        file.readAll().forEach(o -> objections.put(o.id(), o));
        decisionsFile.readAll().forEach(d -> decisions.put(d.objectionId(), d));
        withdrawUpheld();
    }

    /**
     * An upheld objection's award is withdrawn: if the app stopped between recording the decision and withdrawing the
     * award, the withdrawal is made now.
     */
    private void withdrawUpheld() {
        decisions.values().stream().filter(d -> d.verdict().equals("UPHELD")).forEach(d -> {
            Objection o = objections.get(d.objectionId());
            boolean done = o == null
                    || advancements
                            .of(o.round(), o.entryId())
                            .map(Advancement::withdrawn)
                            .orElse(false);
            if (!done) {
                advancements.set(o.round(), o.entryId(), false, true, "举报成立：" + d.reason(), d.by());
            }
        });
    }

    /** An evidence file as uploaded. */
    public record Upload(String name, byte[] bytes) {}

    /**
     * Records an objection.
     *
     * @throws ReviewException when it is anonymous, without contact, reason or evidence
     */
    public synchronized Objection record(
            String round,
            String entryId,
            String name,
            String unit,
            String contact,
            String reason,
            List<Upload> evidence,
            Instant receivedAt,
            String who) {
        List<String> missing = new ArrayList<>();
        if (blank(name) || name.strip().matches("匿名|无名氏|anonymous")) {
            missing.add("举报人真实姓名");
        }
        if (blank(contact)) {
            missing.add("联系方式");
        }
        if (blank(reason)) {
            missing.add("举报事由");
        }
        if (evidence.stream().noneMatch(e -> e.bytes().length > 0)) {
            missing.add("证据材料");
        }
        if (!missing.isEmpty()) {
            throw new ReviewException("举报实行实名制，并须提供相应证据，匿名举报无效。缺少：" + String.join("、", missing) + "。");
        }
        List<Objection.EvidenceFile> kept = evidence.stream()
                .filter(e -> e.bytes().length > 0)
                .map(e -> new Objection.EvidenceFile(e.name(), keep(e.bytes()), e.bytes().length))
                .toList();
        Objection objection = new Objection(
                UUID.randomUUID().toString(),
                round,
                entryId,
                name.strip(),
                unit == null ? "" : unit.strip(),
                contact.strip(),
                reason.strip(),
                kept,
                receivedAt == null ? Instant.now() : receivedAt,
                who);
        file.append(objection);
        objections.put(objection.id(), objection);
        audit.record(who, "review.objection", entryId, objection.id());
        return objection;
    }

    /** The committee decides; an upheld objection withdraws the entry's award. */
    public synchronized void decide(String objectionId, String verdict, String reason, String who) {
        Objection objection =
                Optional.ofNullable(objections.get(objectionId)).orElseThrow(() -> new ReviewException("没有这条举报。"));
        if (!verdict.equals("UPHELD") && !verdict.equals("DISMISSED")) {
            throw new ReviewException("请选择举报成立或不成立。");
        }
        if (blank(reason)) {
            throw new ReviewException("请填写裁定理由。");
        }
        Objection.Decision decision = new Objection.Decision(objectionId, verdict, reason.strip(), who, Instant.now());
        Objection.Decision before = decisions.get(objectionId);
        decisionsFile.append(decision);
        decisions.put(objectionId, decision);
        audit.record(who, "review.objection.decision", objection.entryId(), verdict + ": " + reason);
        if (verdict.equals("UPHELD")) {
            advancements.set(objection.round(), objection.entryId(), false, true, "举报成立：" + reason.strip(), who);
        } else if (before != null && before.verdict().equals("UPHELD")) {
            // the committee changed its mind: the award it withdrew is given back
            advancements.set(objection.round(), objection.entryId(), true, false, "举报改判不成立：" + reason.strip(), who);
        }
    }

    /** An evidence file of the objection, as kept, and its name as received. */
    public synchronized Optional<Map.Entry<String, Path>> evidence(String objectionId, String sha256) {
        return Optional.ofNullable(objections.get(objectionId))
                .flatMap(o -> o.evidence().stream()
                        .filter(e -> e.sha256().equals(sha256))
                        .findFirst())
                .map(e -> Map.entry(e.name(), evidenceDir.resolve(e.sha256())));
    }

    public synchronized List<Case> of(String round) {
        return objections.values().stream()
                .filter(o -> o.round().equals(round))
                .map(o -> new Case(o, decisions.get(o.id())))
                .toList();
    }

    private String keep(byte[] bytes) {
        try {
            return KeptFiles.keep(evidenceDir, bytes, "");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the evidence in " + evidenceDir, e);
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
