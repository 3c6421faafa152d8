package cn.dataelements.contest.retention;

import cn.dataelements.contest.account.AuditLog;
import cn.dataelements.contest.index.ProjectionQueue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Erases the contest's personal data once {@code intake.retention.personal-data-until} has passed (a day in Beijing):
 * phones, e-mail addresses and 身份证号 in the database, in one transaction: the contacts of entries and submissions
 * (their fields, and any phone, e-mail or ID number written in their texts), mail senders, receipt recipients and the
 * receipts themselves, objection contacts, accounts' phones and e-mails, exam ID numbers and the exam sheets kept.
 * Titles, units, names, scores and awards stay. The search indices are then filled again from what is left. The
 * originals as received ({@code data/archive}) and the texts extracted from them carry the same contacts: they are
 * deleted too, unless {@code intake.retention.erase-originals} is false (an archive rule that keeps them). It runs
 * once per date (checked at start and every hour, on any instance), writes a report under {@code data/reports/} and
 * into the database, and is audited.
 */
@Component
public class PersonalDataRetention {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataRetention.class);
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final String ERASED = "【已删除】";
    private static final Set<String> CONTACT_FIELDS = Set.of("phone", "email", "from", "recipient", "idNumber");
    /** Identifiers the app finds things by: kept as they are, whatever they look like. */
    private static final Set<String> IDENTIFIERS =
            Set.of("id", "messageId", "reference", "sha256", "submissionId", "entryId", "teamKey", "key");
    /**
     * A phone, an e-mail address or an ID number written in a text; never part of a longer run of letters and digits
     * (a hash, an id), and an ID number only with a date of birth in it, so a unit's credit code stays.
     */
    private static final Pattern IN_TEXT =
            Pattern.compile("(?<![0-9A-Za-z])(?:\\+?86[\\s-]?)?1[3-9]\\d(?:[\\s-]?\\d){8}(?![0-9A-Za-z])"
                    + "|(?<![0-9A-Za-z])\\(?0\\d{2,3}\\)?[\\s-]?\\d{7,8}(?![0-9A-Za-z])"
                    + "|[A-Za-z0-9._%+\\-]+@[A-Za-z0-9.\\-]+\\.[A-Za-z]{2,}"
                    + "|(?<![0-9A-Za-z])[1-9]\\d{5}(?:19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}[0-9Xx]"
                    + "(?![0-9A-Za-z])");

    /** What a run erased, by what, and where its report is. */
    public record Report(LocalDate until, Map<String, Integer> erased, Path file) {}

    /** The folders of files received: deleted with the data they carry unless kept by setting. */
    record Originals(boolean erase, List<Path> folders) {}

    private final Optional<LocalDate> until;
    private final JdbcClient db;
    private final TransactionTemplate transactions;
    private final Runnable reindex;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Path reports;
    private final Originals originals;
    private final Clock clock;
    private final ScheduledExecutorService hourly = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "personal-data-retention");
        thread.setDaemon(true);
        return thread;
    });

    @Autowired
    PersonalDataRetention(
            @Value("${intake.retention.personal-data-until:}") String until,
            @Value("${intake.data-dir}") Path dataDir,
            @Value("${intake.retention.erase-originals:true}") boolean eraseOriginals,
            @Value("${intake.archive.dir}") Path archive,
            @Value("${intake.extracted.dir}") Path extracted,
            JdbcClient db,
            TransactionTemplate transactions,
            ProjectionQueue projection,
            AuditLog audit,
            ObjectMapper json) {
        this(
                until.isBlank() ? Optional.empty() : Optional.of(LocalDate.parse(until.strip())),
                dataDir,
                new Originals(eraseOriginals, List.of(archive, extracted)),
                db,
                transactions,
                projection::enqueueEverything,
                audit,
                json,
                Clock.system(BEIJING));
    }

    PersonalDataRetention(
            Optional<LocalDate> until,
            Path dataDir,
            Originals originals,
            JdbcClient db,
            TransactionTemplate transactions,
            Runnable reindex,
            AuditLog audit,
            ObjectMapper json,
            Clock clock) {
        this.until = until;
        this.db = db;
        this.transactions = transactions;
        this.reindex = reindex;
        this.audit = audit;
        this.json = json;
        this.reports = dataDir.resolve("reports");
        this.originals = originals;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void schedule() {
        if (until.isPresent()) {
            log.info("Personal data is kept until {} (Beijing); it is erased on the day after", until.get());
            hourly.scheduleWithFixedDelay(this::runQuietly, 0, 1, TimeUnit.HOURS);
        }
    }

    private void runQuietly() {
        try {
            runIfDue("retention");
        } catch (RuntimeException | IOException e) {
            log.error("The erasure of personal data failed; it is tried again in an hour", e);
        }
    }

    /** Erases once the date has passed and it has not run for that date; answers the report when it ran. */
    public Optional<Report> runIfDue(String who) throws IOException {
        if (until.isEmpty() || !LocalDate.now(clock).isAfter(until.get())) {
            return Optional.empty();
        }
        LocalDate date = until.get();
        Map<String, Integer> erased = transactions.execute(status -> {
            int claimed = db.sql("insert into retention_runs (until, ran_at, ran_by, report) values (?, ?, ?, '')"
                            + " on conflict (until) do nothing")
                    .params(Date.valueOf(date), Timestamp.from(Instant.now(clock)), who)
                    .update();
            return claimed == 0 ? null : erase(date, who);
        });
        if (erased == null) {
            return Optional.empty();
        }
        if (originals.erase()) {
            erased.put("originals", deleteFiles());
        }
        reindex.run();
        String text = report(date, erased);
        db.sql("update retention_runs set report = ? where until = ?")
                .params(text, Date.valueOf(date))
                .update();
        Files.createDirectories(reports);
        Path file = reports.resolve("retention-" + date + ".txt");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        log.info("Erased personal data kept until {}: {}; report {}", date, erased, file);
        return Optional.of(new Report(date, erased, file));
    }

    private Map<String, Integer> erase(LocalDate date, String who) {
        Map<String, Integer> erased = new LinkedHashMap<>();
        erased.put(
                "accounts",
                db.sql("update accounts set phone = '', email = '' where phone <> '' or email <> ''")
                        .update());
        erased.put(
                "review_objections",
                db.sql("update review_objections set contact = '' where contact <> ''")
                        .update());
        erased.put(
                "receipts",
                db.sql("update receipts set recipient = '', message = null"
                                + " where recipient <> '' or message is not null")
                        .update());
        erased.put("exam_imports", db.sql("""
                        update exam_imports set sheet = ''::bytea, results = (
                          select coalesce(jsonb_agg(r.value || jsonb_build_object('idNumber', '') order by r.ordinality),
                                          '[]'::jsonb)
                          from jsonb_array_elements(results) with ordinality r)
                        """).update());
        erased.put(
                "entry_keys",
                db.sql("delete from entry_keys where key like 'phone:%' or key like 'email:%'")
                        .update());
        erased.put("submissions", scrub("submissions", "view", "document"));
        erased.put("entries", scrub("entries", "document"));
        db.sql("update submissions set sender = '', revision = nextval('revisions') where sender <> ''")
                .update();
        audit.record(who, "retention.erase", date.toString(), erased.toString());
        return erased;
    }

    /** Deletes every file of the originals' folders (the folders stay, empty); answers how many. */
    private int deleteFiles() throws IOException {
        int deleted = 0;
        for (Path folder : originals.folders()) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.deleteIfExists(file);
                    deleted++;
                }
            }
        }
        return deleted;
    }

    /** Blanks the contact fields of the table's JSON columns and the contacts written in their texts. */
    private int scrub(String table, String... columns) {
        Set<String> changed = new HashSet<>();
        for (String column : columns) {
            List<Map.Entry<String, String>> rows = db.sql("select id, " + column + "::text as doc from " + table
                            + " where " + column + " is not null")
                    .query((rs, n) -> Map.entry(rs.getString("id"), rs.getString("doc")))
                    .list();
            for (Map.Entry<String, String> row : rows) {
                try {
                    JsonNode tree = json.readTree(row.getValue());
                    if (scrub(tree)) {
                        changed.add(row.getKey());
                        db.sql("update " + table + " set " + column + " = cast(? as jsonb),"
                                        + " revision = nextval('revisions') where id = ?")
                                .params(json.writeValueAsString(tree), row.getKey())
                                .update();
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(
                            "A stored document of " + table + " " + row.getKey() + " does not read", e);
                }
            }
        }
        return changed.size();
    }

    private static boolean scrub(JsonNode node) {
        boolean changed = false;
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = field.getValue();
                if (IDENTIFIERS.contains(field.getKey())) {
                    continue;
                }
                if ((CONTACT_FIELDS.contains(field.getKey())
                                && value.isTextual()
                                && !value.asText().isEmpty())
                        || (field.getKey().equals("contactPoints") && value.isArray() && !value.isEmpty())) {
                    field.setValue(value.isArray() ? object.arrayNode() : TextNode.valueOf(""));
                    changed = true;
                } else if (value.isTextual()) {
                    String text = IN_TEXT.matcher(value.asText()).replaceAll(ERASED);
                    if (!text.equals(value.asText())) {
                        field.setValue(TextNode.valueOf(text));
                        changed = true;
                    }
                } else {
                    changed |= scrub(value);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode value = array.get(i);
                if (value.isTextual()) {
                    String text = IN_TEXT.matcher(value.asText()).replaceAll(ERASED);
                    if (!text.equals(value.asText())) {
                        array.set(i, TextNode.valueOf(text));
                        changed = true;
                    }
                } else {
                    changed |= scrub(value);
                }
            }
        }
        return changed;
    }

    private String report(LocalDate date, Map<String, Integer> erased) {
        StringBuilder text = new StringBuilder();
        text.append("个人信息删除报告\n保存期限：")
                .append(date)
                .append("（北京时间）\n执行时间：")
                .append(Instant.now(clock).atZone(BEIJING).toLocalDateTime().withNano(0))
                .append("\n\n已删除（各表中被修改的记录数）：\n");
        erased.forEach((table, count) ->
                text.append("  ").append(table).append("：").append(count).append('\n'));
        text.append("\n删除的内容：电话、电子邮箱、身份证号（作品、提交、收件人与回执、举报人联系方式、账号、考试成绩与成绩表原件）。\n")
                .append("保留的内容：作品名称、参赛单位、人员姓名、评分、获奖与公示记录、审计日志。\n")
                .append(
                        originals.erase()
                                ? "收件原件（data/archive）与提取的文字（data/extracted）含有同样的联系方式，已一并删除；作品的规范化数据仍在数据库中。\n"
                                : "按设置保留：收件原件（data/archive）与提取的文字（data/extracted）按收到时原样保存，其中可能含有联系方式，"
                                        + "须按组委会的档案规定另行处置。\n")
                .append("检索索引已按删除后的数据重建。\n");
        return text.toString();
    }
}
