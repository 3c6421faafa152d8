package cn.dataelements.contest.upgrade;

import static cn.dataelements.contest.upgrade.OldLines.text;

import cn.dataelements.contest.account.AuditChain;
import cn.dataelements.contest.intake.IntakeGate;
import cn.dataelements.contest.review.RoundCodes;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings the stores of the versions before PostgreSQL into the database, once: on the first start whose database holds
 * nothing yet while the data folder holds the earlier version's files (accounts, lock-outs, audit, decisions, version
 * numbers, attempts, the ledger, receipts, review, exams, watch lists, portal state). Everything is imported in one
 * transaction, each store's rows counted against the records its files hold, and only then are the files renamed to
 * {@code *.imported} (kept, never deleted). Records a crash cut off or that do not parse are left out and named in the
 * import's report ({@code upgrade_imports}) and the log. Submissions, entries and findings were never files: the
 * archive is re-run into the database afterwards, before any intake route starts ({@link IntakeGate}), so version
 * numbers and decisions carry over to the entries they belong to.
 */
@Component
public class FileStoresImport {

    private static final Logger log = LoggerFactory.getLogger(FileStoresImport.class);
    static final String NAME = "file-stores";
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter LIST_STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmmss");

    /** What the earlier version kept, under the data folder: files, then whole folders. */
    private static final List<String> FILES = List.of(
            "accounts/accounts.jsonl",
            "accounts/lockouts.jsonl",
            "decisions/decisions.jsonl",
            "versions/versions.jsonl",
            "attempts/attempts.jsonl",
            "attempts/skipped.jsonl",
            "ledger/replicated.json",
            "review/rounds.jsonl",
            "review/assignments.jsonl",
            "review/scores.jsonl",
            "review/advancements.jsonl",
            "review/notices.jsonl",
            "review/objections.jsonl",
            "review/objection-decisions.jsonl");

    private static final List<String> FOLDERS = List.of("receipts", "exams", "lists", "portal");

    private final Path data;
    private final String adminUser;
    private final IntakeGate gate;
    private volatile boolean imported;

    FileStoresImport(
            @Value("${intake.data-dir}") Path data,
            @Value("${intake.security.admin-user:admin}") String adminUser,
            IntakeGate gate) {
        this.data = data;
        this.adminUser = adminUser;
        this.gate = gate;
    }

    /** True when this start imported the earlier version's files: the archive is to be re-run before intake. */
    public boolean importedAtStart() {
        return imported;
    }

    /** What one import did: rows by table, and what was left out, with why. */
    record Report(Map<String, Integer> rows, List<String> leftOut) {}

    /** Imports the earlier version's files when they are there and the database has not taken them yet. */
    public void importIfPending(DataSource dataSource) {
        List<Path> old = oldFiles();
        if (old.isEmpty()) {
            return;
        }
        JdbcClient db = JdbcClient.create(dataSource);
        boolean done = db.sql("select exists (select 1 from upgrade_imports where name = ?)")
                .param(NAME)
                .query(Boolean.class)
                .single();
        if (!done) {
            if (!empty(db)) {
                throw new IllegalStateException("The data folder " + data.toAbsolutePath()
                        + " holds the files of a version before PostgreSQL, but the database already holds data:"
                        + " start once with an empty database to import them, or move the files away");
            }
            Report report = new TransactionTemplate(new DataSourceTransactionManager(dataSource))
                    .execute(status -> importAll(db));
            log.info("Imported the earlier version's files: {}", report.rows());
            report.leftOut().forEach(line -> log.warn("Left out of the import: {}", line));
            imported = true;
            gate.close("the archive is re-run into the database after the upgrade");
        }
        old.forEach(FileStoresImport::markImported);
    }

    private Report importAll(JdbcClient db) {
        Map<String, Integer> rows = new LinkedHashMap<>();
        List<String> leftOut = new ArrayList<>();
        Importer in = new Importer(db, rows, leftOut);
        in.accounts();
        in.lockouts();
        in.audit();
        in.decisions();
        in.versions();
        in.attempts();
        in.ledger();
        in.receipts();
        in.review();
        in.exams();
        in.lists();
        in.portal();
        Report report = new Report(rows, leftOut);
        db.sql("insert into upgrade_imports (name, imported_at, report) values (?, ?, cast(? as jsonb))")
                .params(NAME, Timestamp.from(Instant.now()), write(report))
                .update();
        return report;
    }

    /** One import's work, store by store; each store's rows are counted against its records. */
    private final class Importer {

        private final JdbcClient db;
        private final Map<String, Integer> rows;
        private final List<String> leftOut;

        Importer(JdbcClient db, Map<String, Integer> rows, List<String> leftOut) {
            this.db = db;
            this.rows = rows;
            this.leftOut = leftOut;
        }

        void accounts() {
            Map<String, JsonNode> latest = latest(read("accounts/accounts.jsonl"), a -> text(a, "username"));
            latest.remove(adminUser);
            int n = 0;
            for (JsonNode a : latest.values()) {
                List<String> roles = new ArrayList<>();
                a.path("roles").forEach(r -> roles.add(r.asText()));
                roles.sort(String::compareTo);
                n += db.sql("""
                                insert into accounts (username, display_name, password_hash, roles, unit, credit_code,
                                  phone, email, enabled, changed_by, changed_at)
                                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                                """)
                        .params(
                                text(a, "username"),
                                text(a, "displayName"),
                                text(a, "passwordHash"),
                                roles.toArray(String[]::new),
                                text(a, "unit"),
                                text(a, "creditCode"),
                                text(a, "phone"),
                                text(a, "email"),
                                a.path("enabled").asBoolean(true),
                                text(a, "changedBy"),
                                at(a, "changedAt"))
                        .update();
            }
            count("accounts", latest.size(), n);
        }

        void lockouts() {
            Map<String, JsonNode> latest = latest(read("accounts/lockouts.jsonl"), l -> text(l, "username"));
            int n = 0;
            for (JsonNode l : latest.values()) {
                Timestamp until = at(l, "until");
                n += db.sql("insert into lockouts (username, failures, locked_until, locked_by) values (?, 0, ?, ?)")
                        .params(
                                text(l, "username"),
                                until.toInstant().equals(Instant.EPOCH) ? null : until,
                                text(l, "by"))
                        .update();
            }
            count("lockouts", latest.size(), n);
        }

        void audit() {
            int records = 0;
            int n = 0;
            // the database is empty: the chain starts here, in the order the files kept
            String previous = "";
            for (Path file : list(data.resolve("audit"), "audit-\\d{4}-\\d{2}\\.jsonl")) {
                for (JsonNode e : OldLines.read(file, leftOut)) {
                    records++;
                    Instant at = Instant.parse(text(e, "at")).truncatedTo(ChronoUnit.MICROS);
                    String who = text(e, "who");
                    String action = text(e, "action");
                    String target = text(e, "target");
                    String detail = text(e, "detail");
                    previous = AuditChain.hash(previous, at, who, action, target, detail);
                    n += db.sql("insert into audit_log (at, who, action, target, detail, hash)"
                                    + " values (?, ?, ?, ?, ?, ?)")
                            .params(Timestamp.from(at), who, action, target, detail, previous)
                            .update();
                }
            }
            count("audit_log", records, n);
        }

        void decisions() {
            Map<String, JsonNode> latest = latest(
                    read("decisions/decisions.jsonl"),
                    d -> text(d, "entryId") + "\u0000" + text(d, "code") + "\u0000" + text(d, "evidenceKey"));
            int n = 0;
            for (JsonNode d : latest.values()) {
                n += db.sql("""
                                insert into decisions (entry_id, code, evidence_key, verdict, reason, decided_by,
                                  decided_at) values (?, ?, ?, ?, ?, ?, ?)
                                """)
                        .params(
                                text(d, "entryId"),
                                text(d, "code"),
                                text(d, "evidenceKey"),
                                text(d, "verdict"),
                                text(d, "reason"),
                                text(d, "by"),
                                at(d, "at"))
                        .update();
            }
            count("decisions", latest.size(), n);
        }

        void versions() {
            Map<String, JsonNode> first = new LinkedHashMap<>();
            for (JsonNode v : read("versions/versions.jsonl")) {
                first.putIfAbsent(text(v, "entryId") + "\u0000" + text(v, "submissionId"), v);
            }
            int n = 0;
            for (JsonNode v : first.values()) {
                int inserted = db.sql("insert into entry_versions (entry_id, submission_id, number) values (?, ?, ?)"
                                + " on conflict do nothing")
                        .params(
                                text(v, "entryId"),
                                text(v, "submissionId"),
                                v.path("number").asInt())
                        .update();
                if (inserted == 0) {
                    leftOut.add("versions.jsonl: entry " + text(v, "entryId") + " gave number "
                            + v.path("number").asInt() + " to two submissions; " + text(v, "submissionId")
                            + " gets a new number when its entry is re-run");
                }
                n += inserted;
            }
            rows.put("entry_versions", n);
        }

        void attempts() {
            Map<String, Integer> failed = new TreeMap<>();
            Map<String, JsonNode> last = new TreeMap<>();
            for (JsonNode a : read("attempts/attempts.jsonl")) {
                String item = text(a, "item");
                if (a.path("reset").asBoolean()) {
                    failed.remove(item);
                    last.remove(item);
                } else {
                    failed.merge(item, 1, Integer::sum);
                    last.put(item, a);
                }
            }
            int n = 0;
            for (Map.Entry<String, Integer> f : failed.entrySet()) {
                JsonNode a = last.get(f.getKey());
                n += db.sql("insert into intake_attempts (item, failed, last_error, updated_at) values (?, ?, ?, ?)")
                        .params(f.getKey(), f.getValue(), text(a, "error"), at(a, "at"))
                        .update();
            }
            count("intake_attempts", failed.size(), n);
            Map<String, JsonNode> skipped = new LinkedHashMap<>();
            for (JsonNode s : read("attempts/skipped.jsonl")) {
                if (s.path("released").asBoolean()) {
                    skipped.remove(text(s, "item"));
                } else {
                    skipped.put(text(s, "item"), s);
                }
            }
            int k = 0;
            for (JsonNode s : skipped.values()) {
                k += db.sql("insert into intake_skipped (item, route, since, reason) values (?, ?, ?, ?)")
                        .params(text(s, "item"), text(s, "route"), at(s, "since"), text(s, "reason"))
                        .update();
            }
            count("intake_skipped", skipped.size(), k);
        }

        void ledger() {
            int records = 0;
            int n = 0;
            for (Path file : list(data.resolve("ledger"), "ledger-.*\\.jsonl")) {
                for (JsonNode e : OldLines.read(file, leftOut)) {
                    records++;
                    n += db.sql("""
                                    insert into ledger (id, at, route, outcome, submission_id, message_id, folder, uid,
                                      reason) values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                                    on conflict (id) do nothing
                                    """)
                            .params(
                                    UUID.fromString(text(e, "id")),
                                    at(e, "at"),
                                    text(e, "route"),
                                    text(e, "outcome"),
                                    text(e, "submissionId"),
                                    text(e, "messageId"),
                                    text(e, "folder"),
                                    e.path("uid").asLong(-1),
                                    text(e, "reason"))
                            .update();
                }
            }
            count("ledger", records, n);
        }

        /** Each receipt file once; a submission in two folders counts by sent, failed, outbox, skipped, unanswered. */
        void receipts() {
            Path root = data.resolve("receipts");
            Map<String, Integer> found = new LinkedHashMap<>();
            int n = 0;
            for (String state : List.of("sent", "failed", "outbox", "skipped", "unanswered")) {
                for (Path file : list(root.resolve(state), "receipt-.*\\.(eml|txt)")) {
                    String name = file.getFileName().toString();
                    String submissionId = name.substring("receipt-".length(), name.lastIndexOf('.'));
                    if (found.putIfAbsent(submissionId, 1) != null) {
                        leftOut.add("receipts/" + state + "/" + name + ": the receipt is also in a later state");
                        continue;
                    }
                    n += receipt(file, submissionId, state);
                }
            }
            count("receipts", found.size(), n);
        }

        private int receipt(Path file, String submissionId, String state) {
            byte[] bytes = bytes(file);
            Instant modified = modified(file);
            if (state.equals("unanswered")) {
                return db.sql("insert into receipts (submission_id, state, reason, decided_at) values (?, ?, ?, ?)")
                        .params(
                                submissionId,
                                "UNANSWERED",
                                new String(bytes, StandardCharsets.UTF_8).strip(),
                                Timestamp.from(modified))
                        .update();
            }
            String recipient = "";
            Instant decided = modified;
            try {
                MimeMessage message =
                        new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes));
                if (message.getRecipients(MimeMessage.RecipientType.TO) != null) {
                    recipient = ((InternetAddress) message.getRecipients(MimeMessage.RecipientType.TO)[0]).getAddress();
                }
                if (message.getSentDate() != null) {
                    decided = message.getSentDate().toInstant();
                }
            } catch (jakarta.mail.MessagingException e) {
                leftOut.add("receipts/" + state + "/" + file.getFileName() + ": headers unreadable (" + e.getMessage()
                        + "); kept without its recipient");
            }
            return db.sql("""
                            insert into receipts (submission_id, state, recipient, message, reason, decided_at, sent_at)
                            values (?, ?, ?, ?, ?, ?, ?)
                            """)
                    .params(
                            submissionId,
                            state.toUpperCase(java.util.Locale.ROOT),
                            recipient,
                            bytes,
                            state.equals("skipped") ? "the recipient reached the per-address rate limit" : "",
                            Timestamp.from(decided),
                            state.equals("sent") ? Timestamp.from(modified) : null)
                    .update();
        }

        void review() {
            Map<String, JsonNode> opened = new LinkedHashMap<>();
            Map<String, JsonNode> closed = new LinkedHashMap<>();
            for (JsonNode r : read("review/rounds.jsonl")) {
                (text(r, "action").equals("CLOSED") ? closed : opened).put(text(r, "round"), r);
            }
            int rounds = 0;
            int frozen = 0;
            int expectedFrozen = 0;
            for (JsonNode o : opened.values()) {
                String round = text(o, "round");
                JsonNode c = closed.get(round);
                rounds += db.sql("""
                                insert into review_rounds (round, status, opened_by, opened_at, closed_by, closed_at)
                                values (?, ?, ?, ?, ?, ?)
                                """)
                        .params(
                                round,
                                c == null ? "OPEN" : "CLOSED",
                                text(o, "by"),
                                at(o, "at"),
                                c == null ? null : text(c, "by"),
                                c == null ? null : at(c, "at"))
                        .update();
                Map<String, JsonNode> entries = new LinkedHashMap<>();
                o.path("entries").forEach(e -> entries.putIfAbsent(text(e, "entryId"), e));
                expectedFrozen += entries.size();
                // the file stores had no codes: each entry draws one, as at opening
                Iterator<String> codes = RoundCodes.draw(entries.size()).iterator();
                for (JsonNode e : entries.values()) {
                    frozen += db.sql(
                                    "insert into review_round_entries"
                                            + " (round, entry_id, code, work_title, track, track_name) values (?, ?, ?, ?, ?, ?)")
                            .params(
                                    round,
                                    text(e, "entryId"),
                                    codes.next(),
                                    text(e, "workTitle"),
                                    e.path("track").asInt(),
                                    text(e, "trackName"))
                            .update();
                }
            }
            count("review_rounds", opened.size(), rounds);
            count("review_round_entries", expectedFrozen, frozen);
            roundRows(
                    "review_assignments",
                    latest(read("review/assignments.jsonl"), a -> key(a, "reviewer")),
                    a -> db.sql("""
                                    insert into review_assignments (round, entry_id, reviewer, active, assigned_by,
                                      assigned_at) values (?, ?, ?, ?, ?, ?)
                                    """)
                            .params(
                                    text(a, "round"),
                                    text(a, "entryId"),
                                    text(a, "reviewer"),
                                    a.path("active").asBoolean(),
                                    text(a, "by"),
                                    at(a, "at"))
                            .update());
            roundRows(
                    "review_scores",
                    latest(read("review/scores.jsonl"), s -> key(s, "reviewer")),
                    s -> db.sql("""
                                    insert into review_scores (round, entry_id, reviewer, criteria, comment, source,
                                      recorded_by, recorded_at) values (?, ?, ?, cast(? as jsonb), ?, ?, ?, ?)
                                    """)
                            .params(
                                    text(s, "round"),
                                    text(s, "entryId"),
                                    text(s, "reviewer"),
                                    s.path("criteria").toString(),
                                    text(s, "comment"),
                                    text(s, "source").isEmpty() ? "import" : text(s, "source"),
                                    text(s, "by"),
                                    at(s, "at"))
                            .update());
            Map<String, JsonNode> objections = new LinkedHashMap<>();
            read("review/objections.jsonl").forEach(o -> objections.put(text(o, "id"), o));
            Map<String, JsonNode> verdicts =
                    latest(read("review/objection-decisions.jsonl"), d -> text(d, "objectionId"));
            Map<String, JsonNode> advancements = latest(read("review/advancements.jsonl"), a -> key(a, null));
            // an upheld objection withdraws the award, as the earlier version repaired at every start
            for (JsonNode d : verdicts.values()) {
                JsonNode o = objections.get(text(d, "objectionId"));
                if (o == null || !text(d, "verdict").equals("UPHELD")) {
                    continue;
                }
                String k = key(o, null);
                JsonNode a = advancements.get(k);
                if (a == null || !a.path("withdrawn").asBoolean()) {
                    com.fasterxml.jackson.databind.node.ObjectNode w = OldLines.JSON.createObjectNode();
                    w.put("round", text(o, "round"))
                            .put("entryId", text(o, "entryId"))
                            .put("advanced", false);
                    w.put("withdrawn", true).put("note", "举报成立：" + text(d, "reason"));
                    w.put("by", text(d, "by")).put("at", text(d, "at"));
                    advancements.put(k, w);
                }
            }
            roundRows(
                    "review_advancements",
                    advancements,
                    a -> db.sql("""
                                    insert into review_advancements (round, entry_id, advanced, withdrawn, note, set_by,
                                      set_at) values (?, ?, ?, ?, ?, ?, ?)
                                    """)
                            .params(
                                    text(a, "round"),
                                    text(a, "entryId"),
                                    a.path("advanced").asBoolean(),
                                    a.path("withdrawn").asBoolean(),
                                    text(a, "note"),
                                    text(a, "by"),
                                    at(a, "at"))
                            .update());
            Map<String, JsonNode> notices = latest(read("review/notices.jsonl"), n -> text(n, "round"));
            int noticed = 0;
            for (JsonNode n : notices.values()) {
                noticed += db.sql("""
                                insert into review_notices (round, starts_on, ends_on, set_by, set_at)
                                values (?, ?, ?, ?, ?)
                                """)
                        .params(
                                text(n, "round"),
                                java.sql.Date.valueOf(text(n, "startsOn")),
                                java.sql.Date.valueOf(text(n, "endsOn")),
                                text(n, "by"),
                                at(n, "at"))
                        .update();
            }
            count("review_notices", notices.size(), noticed);
            int taken = 0;
            for (JsonNode o : objections.values()) {
                taken += db.sql("""
                                insert into review_objections (id, round, entry_id, name, unit, contact, reason, evidence,
                                  received_at, recorded_by) values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?)
                                """)
                        .params(
                                UUID.fromString(text(o, "id")),
                                text(o, "round"),
                                text(o, "entryId"),
                                text(o, "name"),
                                text(o, "unit"),
                                text(o, "contact"),
                                text(o, "reason"),
                                o.path("evidence").toString(),
                                at(o, "receivedAt"),
                                text(o, "recordedBy"))
                        .update();
            }
            count("review_objections", objections.size(), taken);
            int decided = 0;
            int known = 0;
            for (JsonNode d : verdicts.values()) {
                if (!objections.containsKey(text(d, "objectionId"))) {
                    leftOut.add("objection-decisions.jsonl: a decision on objection " + text(d, "objectionId")
                            + ", which is not in objections.jsonl");
                    continue;
                }
                known++;
                decided += db.sql("""
                                insert into review_objection_decisions (objection_id, verdict, reason, decided_by,
                                  decided_at) values (?, ?, ?, ?, ?)
                                """)
                        .params(
                                UUID.fromString(text(d, "objectionId")),
                                text(d, "verdict"),
                                text(d, "reason"),
                                text(d, "by"),
                                at(d, "at"))
                        .update();
            }
            count("review_objection_decisions", known, decided);
        }

        /** Rows that belong to a round's frozen entry; one that names another entry is left out and told. */
        private void roundRows(
                String table, Map<String, JsonNode> records, java.util.function.ToIntFunction<JsonNode> insert) {
            int expected = 0;
            int n = 0;
            for (JsonNode r : records.values()) {
                boolean frozen = db.sql(
                                "select exists (select 1 from review_round_entries where round = ? and entry_id = ?)")
                        .params(text(r, "round"), text(r, "entryId"))
                        .query(Boolean.class)
                        .single();
                if (!frozen) {
                    leftOut.add(table + ": " + text(r, "round") + "/" + text(r, "entryId")
                            + " is not an entry of that round");
                    continue;
                }
                expected++;
                n += insert.applyAsInt(r);
            }
            count(table, expected, n);
        }

        void exams() {
            Path root = data.resolve("exams");
            List<JsonNode> imports = OldLines.read(root.resolve("imports.jsonl"), leftOut);
            int n = 0;
            for (JsonNode e : imports) {
                String sha = text(e, "sheetSha256");
                Optional<Path> sheet =
                        list(root.resolve("sheets"), java.util.regex.Pattern.quote(sha) + "\\..*").stream()
                                .findFirst();
                if (sheet.isEmpty()) {
                    leftOut.add("exams/imports.jsonl: the sheet " + sha + " of import " + text(e, "id")
                            + " is missing; imported without it");
                }
                n += db.sql("""
                                insert into exam_imports (id, exam, route, source, sheet_sha256, sheet, imported_at,
                                  results, problems) values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb))
                                on conflict (id) do nothing
                                """)
                        .params(
                                text(e, "id"),
                                text(e, "exam"),
                                text(e, "route"),
                                text(e, "source"),
                                sha,
                                sheet.map(FileStoresImport::bytes).orElse(new byte[0]),
                                at(e, "importedAt"),
                                e.path("results").toString(),
                                e.path("problems").toString())
                        .update();
            }
            count("exam_imports", imports.size(), n);
        }

        /** Each kind's files in the order of their names (their time of import): the newest is in force. */
        void lists() {
            int files = 0;
            int n = 0;
            for (Path kind : list(data.resolve("lists"), "[a-z]+")) {
                for (Path file : list(kind, "\\d{4}-\\d{2}-\\d{2}T\\d{6}-.+\\.csv")) {
                    String name = file.getFileName().toString();
                    files++;
                    n += db.sql("insert into watch_list_imports (kind, name, content, imported_at) values (?, ?, ?, ?)")
                            .params(
                                    kind.getFileName().toString(),
                                    name.substring(18),
                                    bytes(file),
                                    Timestamp.from(LocalDateTime.parse(name.substring(0, 17), LIST_STAMP)
                                            .atZone(BEIJING)
                                            .toInstant()))
                            .update();
                }
            }
            count("watch_list_imports", files, n);
        }

        void portal() {
            int cursors = 0;
            int expected = 0;
            int seen = 0;
            int expectedSeen = 0;
            for (Path dir : list(data.resolve("portal"), ".+")) {
                String source = dir.getFileName().toString();
                List<JsonNode> moves = OldLines.read(dir.resolve("cursor.jsonl"), leftOut);
                if (!moves.isEmpty()) {
                    JsonNode last = moves.get(moves.size() - 1);
                    expected++;
                    cursors += db.sql("insert into portal_cursors (source, updated_at, record_id) values (?, ?, ?)")
                            .params(source, text(last, "updatedAt"), text(last, "id"))
                            .update();
                }
                Map<String, JsonNode> latest =
                        latest(OldLines.read(dir.resolve("seen.jsonl"), leftOut), s -> text(s, "id"));
                expectedSeen += latest.size();
                for (JsonNode s : latest.values()) {
                    seen += db.sql("insert into portal_seen (source, record_id, fingerprint) values (?, ?, ?)")
                            .params(source, text(s, "id"), text(s, "fingerprint"))
                            .update();
                }
            }
            count("portal_cursors", expected, cursors);
            count("portal_seen", expectedSeen, seen);
        }

        private List<JsonNode> read(String file) {
            return OldLines.read(data.resolve(file), leftOut);
        }

        private void count(String table, int expected, int inserted) {
            if (expected != inserted) {
                throw new IllegalStateException("Import of " + table + ": " + expected + " record(s) in the files, but "
                        + inserted + " row(s) written; nothing was imported");
            }
            rows.put(table, inserted);
        }
    }

    /** The earlier version's files still in place (not yet renamed). */
    List<Path> oldFiles() {
        List<Path> old = new ArrayList<>();
        FILES.stream().map(data::resolve).filter(Files::exists).forEach(old::add);
        old.addAll(list(data.resolve("audit"), "audit-\\d{4}-\\d{2}\\.jsonl"));
        old.addAll(list(data.resolve("ledger"), "ledger-.*\\.jsonl"));
        FOLDERS.stream().map(data::resolve).filter(Files::isDirectory).forEach(old::add);
        return old;
    }

    private static boolean empty(JdbcClient db) {
        return db.sql("""
                        select not exists (select 1 from accounts) and not exists (select 1 from ledger)
                          and not exists (select 1 from audit_log) and not exists (select 1 from submissions)
                          and not exists (select 1 from review_rounds)
                        """).query(Boolean.class).single();
    }

    private static void markImported(Path old) {
        try {
            Files.move(old, old.resolveSibling(old.getFileName() + ".imported"));
        } catch (IOException e) {
            throw new UncheckedIOException("Imported, but could not rename " + old + " to *.imported", e);
        }
    }

    private static Map<String, JsonNode> latest(
            List<JsonNode> records, java.util.function.Function<JsonNode, String> key) {
        Map<String, JsonNode> latest = new LinkedHashMap<>();
        records.forEach(r -> latest.put(key.apply(r), r));
        return latest;
    }

    /** Round, entry and (when named) the field that tells the rows of one entry apart. */
    private static String key(JsonNode r, String field) {
        return text(r, "round") + "\u0000" + text(r, "entryId") + (field == null ? "" : "\u0000" + text(r, field));
    }

    private static Timestamp at(JsonNode node, String field) {
        return Timestamp.from(Instant.parse(text(node, field)));
    }

    private static List<Path> list(Path dir, String namePattern) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> all = Files.list(dir)) {
            return all.filter(p -> p.getFileName().toString().matches(namePattern))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file + " to import it", e);
        }
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String write(Report report) {
        try {
            return OldLines.JSON.writeValueAsString(report);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
