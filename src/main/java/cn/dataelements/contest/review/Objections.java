package cn.dataelements.contest.review;

import cn.dataelements.contest.account.AuditLog;
import cn.dataelements.contest.system.storage.KeptFiles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Objections to the award list and the committee's decisions on them, in the database ({@code review_objections},
 * {@code review_objection_decisions}; the evidence files kept by sha-256 under the data folder). Only real-name
 * objections with evidence are taken (guide, section 五: 举报实行实名制，并要求提供相应的证据，匿名举报无效); an
 * anonymous one is refused with that reason. An upheld objection withdraws the entry's award in the same transaction
 * as the decision, which the award list then shows as withdrawn.
 */
@Component
public class Objections {

    /** An objection with the committee's latest decision on it, if any. */
    public record Case(Objection objection, Objection.Decision decision) {}

    private static final TypeReference<List<Objection.EvidenceFile>> EVIDENCE = new TypeReference<>() {};

    private final JdbcClient db;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final Path evidenceDir;
    private final long evidenceMaxSize;
    private final Advancements advancements;
    private final PublicNotice notices;
    private final AuditLog audit;

    Objections(
            JdbcClient db,
            TransactionTemplate transactions,
            ObjectMapper json,
            ReviewProperties properties,
            Advancements advancements,
            PublicNotice notices,
            AuditLog audit) {
        this.notices = notices;
        this.db = db;
        this.transactions = transactions;
        this.json = json;
        this.evidenceDir = properties.dir().toAbsolutePath().resolve("evidence");
        this.evidenceMaxSize = properties.evidenceMaxSize().toBytes();
        this.advancements = advancements;
        this.audit = audit;
    }

    /** An evidence file as uploaded. */
    public record Upload(String name, byte[] bytes) {}

    /**
     * Records an objection.
     *
     * @throws ReviewException when it is anonymous, without contact, reason or evidence
     */
    public Objection record(
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
        for (Upload file : evidence) {
            if (file.bytes().length > evidenceMaxSize) {
                throw new ReviewException("证据文件“" + file.name() + "”有 " + megabytes(file.bytes().length) + "，超过每个文件 "
                        + megabytes(evidenceMaxSize) + " 的上限；请压缩或拆分后再登记。");
            }
        }
        Instant received = receivedAt == null ? Instant.now() : receivedAt;
        requireOnNotice(round, entryId, received);
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
                received,
                who);
        transactions.executeWithoutResult(status -> {
            db.sql("insert into review_objections (id, round, entry_id, name, unit, contact, reason, evidence,"
                            + " received_at, recorded_by) values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?)")
                    .params(
                            UUID.fromString(objection.id()),
                            round,
                            entryId,
                            objection.name(),
                            objection.unit(),
                            objection.contact(),
                            objection.reason(),
                            write(kept),
                            Timestamp.from(objection.receivedAt()),
                            who)
                    .update();
            audit.record(who, "review.objection", entryId, objection.id());
        });
        return objection;
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0);
    }

    /**
     * The guide takes objections to the award list during its public notice: the entry must be awarded in the round,
     * whose notice has started, and the objection received within the notice period (Beijing days, both ends).
     */
    private void requireOnNotice(String round, String entryId, Instant received) {
        String rule = "举报受理范围：公示期内对获奖名单上作品的实名举报。";
        Notice notice = notices.of(round).orElseThrow(() -> new ReviewException(rule + "本轮获奖名单尚未公示，不能登记举报。"));
        LocalDate day = LocalDate.ofInstant(received, PublicNotice.BEIJING);
        if (day.isBefore(notice.startsOn()) || day.isAfter(notice.endsOn())) {
            throw new ReviewException(
                    rule + "公示期为 " + notice.startsOn() + " 至 " + notice.endsOn() + "（北京时间），这条举报收到于 " + day + "，不予受理。");
        }
        if (!advancements.advanced(round).contains(entryId)) {
            throw new ReviewException(rule + "该作品不在本轮获奖名单上（或奖项已撤销），不予受理。");
        }
    }

    /** The committee decides; an upheld objection withdraws the entry's award, in the same transaction. */
    public void decide(String objectionId, String verdict, String reason, String who) {
        Objection objection = find(objectionId).orElseThrow(() -> new ReviewException("没有这条举报。"));
        if (!verdict.equals("UPHELD") && !verdict.equals("DISMISSED")) {
            throw new ReviewException("请选择举报成立或不成立。");
        }
        if (blank(reason)) {
            throw new ReviewException("请填写裁定理由。");
        }
        transactions.executeWithoutResult(status -> {
            String before = db.sql("select verdict from review_objection_decisions where objection_id = ? for update")
                    .param(UUID.fromString(objectionId))
                    .query(String.class)
                    .optional()
                    .orElse("");
            db.sql("""
                            insert into review_objection_decisions (objection_id, verdict, reason, decided_by, decided_at)
                            values (?, ?, ?, ?, ?)
                            on conflict (objection_id) do update set verdict = excluded.verdict, reason = excluded.reason,
                              decided_by = excluded.decided_by, decided_at = excluded.decided_at
                            """)
                    .params(UUID.fromString(objectionId), verdict, reason.strip(), who, Timestamp.from(Instant.now()))
                    .update();
            audit.record(who, "review.objection.decision", objection.entryId(), verdict + ": " + reason);
            if (verdict.equals("UPHELD")) {
                advancements.withdraw(objection.round(), objection.entryId(), "举报成立：" + reason.strip(), who);
            } else if (before.equals("UPHELD")) {
                // the committee changed its mind: the award it withdrew is given back
                advancements.restore(objection.round(), objection.entryId(), "举报改判不成立：" + reason.strip(), who);
            }
        });
    }

    /** An evidence file of the objection, as kept, and its name as received. */
    public Optional<Map.Entry<String, Path>> evidence(String objectionId, String sha256) {
        return find(objectionId)
                .flatMap(o -> o.evidence().stream()
                        .filter(e -> e.sha256().equals(sha256))
                        .findFirst())
                .map(e -> Map.entry(e.name(), evidenceDir.resolve(e.sha256())));
    }

    public List<Case> of(String round) {
        return db.sql("select o.*, d.verdict, d.reason as decision_reason, d.decided_by, d.decided_at"
                        + " from review_objections o left join review_objection_decisions d on d.objection_id = o.id"
                        + " where o.round = ? order by o.received_at, o.id")
                .param(round)
                .query((rs, n) -> new Case(
                        objection(rs),
                        rs.getString("verdict") == null
                                ? null
                                : new Objection.Decision(
                                        rs.getString("id"),
                                        rs.getString("verdict"),
                                        rs.getString("decision_reason"),
                                        rs.getString("decided_by"),
                                        rs.getTimestamp("decided_at").toInstant())))
                .list();
    }

    private Optional<Objection> find(String objectionId) {
        UUID id;
        try {
            id = UUID.fromString(objectionId);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return db.sql("select * from review_objections where id = ?")
                .param(id)
                .query((rs, n) -> objection(rs))
                .optional();
    }

    private Objection objection(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Objection(
                rs.getString("id"),
                rs.getString("round"),
                rs.getString("entry_id"),
                rs.getString("name"),
                rs.getString("unit"),
                rs.getString("contact"),
                rs.getString("reason"),
                read(rs.getString("evidence")),
                rs.getTimestamp("received_at").toInstant(),
                rs.getString("recorded_by"));
    }

    private String keep(byte[] bytes) {
        try {
            return KeptFiles.keep(evidenceDir, bytes, "");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the evidence in " + evidenceDir, e);
        }
    }

    private String write(List<Objection.EvidenceFile> evidence) {
        try {
            return json.writeValueAsString(evidence);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Evidence lists are always JSON", e);
        }
    }

    private List<Objection.EvidenceFile> read(String evidence) {
        try {
            return json.readValue(evidence, EVIDENCE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An objection's evidence in the database does not read back", e);
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
