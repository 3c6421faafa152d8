package cn.dataelements.contest.retention;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dataelements.contest.account.AuditLogs;
import cn.dataelements.contest.support.TestDatabase;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The erasure of personal data after its date: phones, e-mails and ID numbers go from every table that holds them,
 * fields and texts alike, and the originals and extracted texts that carry them go too; titles, units and their credit codes, names and scores stay; it runs once, writes its
 * report and is audited; before the date it does nothing.
 */
class PersonalDataRetentionTest {

    private static final LocalDate UNTIL = LocalDate.parse("2025-03-31");

    @TempDir
    Path data;

    private final TestDatabase database = TestDatabase.fresh();
    private final AtomicInteger reindexed = new AtomicInteger();

    @Test
    void afterItsDateContactsAndIdNumbersAreErasedOnceWhatTheContestKeepsStaysAndAReportIsWritten() throws Exception {
        seed();

        assertThat(retention("2025-03-31T12:00:00+08:00").runIfDue("test"))
                .as("on the date itself")
                .isEmpty();
        Optional<PersonalDataRetention.Report> report =
                retention("2025-04-01T03:00:00+08:00").runIfDue("test");

        assertThat(report).isPresent();
        assertThat(report.get().erased()).containsEntry("accounts", 1).containsEntry("entries", 1);
        String everything = dump();
        for (String gone : new String[] {
            "13800000000",
            "zhang@lanhai-data.cn",
            "0631-5201234",
            "370602199001011234",
            "li@sdu.edu.cn",
            "13900000000",
            "13700000000",
            "team@lanhai-data.cn"
        }) {
            assertThat(everything).as("erased: " + gone).doesNotContain(gone);
        }
        assertThat(everything)
                .as("kept")
                .contains("港口冷链温度监测平台")
                .contains("威海蓝海数据科技有限公司")
                .contains("913710033340182272")
                .contains("张伟")
                .contains("msg-1@mail.lanhai-data.cn");
        assertThat(database.jdbc()
                        .sql("select length(sheet) from exam_imports")
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(Files.readString(report.get().file(), StandardCharsets.UTF_8))
                .contains("个人信息删除报告")
                .contains("保存期限：2025-03-31")
                .contains("已一并删除");
        assertThat(report.get().erased()).containsEntry("originals", 2);
        try (var left = Files.walk(data.resolve("archive"))) {
            assertThat(left.filter(Files::isRegularFile))
                    .as("the originals, which carry the same contacts")
                    .isEmpty();
        }
        assertThat(data.resolve("extracted/abc.txt")).doesNotExist();
        assertThat(reindexed).as("the indices filled again from what is left").hasValue(1);
        assertThat(AuditLogs.actions(database.jdbc())).contains("retention.erase");
        assertThat(retention("2025-04-02T03:00:00+08:00").runIfDue("test"))
                .as("once")
                .isEmpty();
    }

    private PersonalDataRetention retention(String now) {
        Clock clock = Clock.fixed(Instant.from(java.time.OffsetDateTime.parse(now)), ZoneId.of("Asia/Shanghai"));
        return new PersonalDataRetention(
                Optional.of(UNTIL),
                data,
                new PersonalDataRetention.Originals(true, List.of(data.resolve("archive"), data.resolve("extracted"))),
                database.jdbc(),
                database.transactions(),
                reindexed::incrementAndGet,
                AuditLogs.of(database),
                new ObjectMapper(),
                clock);
    }

    private void seed() throws Exception {
        Files.createDirectories(data.resolve("archive/2024/08"));
        Files.writeString(data.resolve("archive/2024/08/s-1.eml"), "From: team@lanhai-data.cn\r\n\r\n13800000000");
        Files.createDirectories(data.resolve("extracted"));
        Files.writeString(data.resolve("extracted/abc.txt"), "联系电话 13800000000");
        var db = database.jdbc();
        Timestamp now = Timestamp.from(Instant.parse("2024-08-20T01:00:00Z"));
        db.sql("insert into accounts (username, display_name, password_hash, roles, unit, phone, email, changed_by,"
                        + " changed_at) values ('li', '李评审', '{noop}x', '{REVIEWER}', '山东大学', '13900000000',"
                        + " 'li@sdu.edu.cn', 'admin', ?)")
                .param(now)
                .update();
        String entry = """
                {"id":"team-1","workTitle":"港口冷链温度监测平台",
                 "units":[{"name":"威海蓝海数据科技有限公司","creditCode":"913710033340182272"}],
                 "contact":{"name":"张伟","phone":"13800000000","email":"zhang@lanhai-data.cn"},
                 "representatives":[{"name":"张伟","role":"负责人","phone":"0631-5201234","email":""}],
                 "sections":[{"key":"team","text":"联系人张伟，电话 138 0000 0000，身份证 370602199001011234。"}]}
                """;
        db.sql("insert into entries (id, document, updated_at) values ('team-1', cast(? as jsonb), ?)")
                .params(entry, now)
                .update();
        db.sql("insert into entry_keys (key, entry_id) values ('phone:13800000000', 'team-1'),"
                        + " ('unit:913710033340182272', 'team-1')")
                .update();
        db.sql("insert into submissions (id, channel, route, received_at, sender, entry_id, view, document, taken_at)"
                        + " values ('s-1', 'mail', 'mailbox', ?, 'team@lanhai-data.cn', 'team-1', cast(? as jsonb),"
                        + " cast(? as jsonb), ?)")
                .params(
                        now,
                        "{\"from\":\"team@lanhai-data.cn\",\"contactPoints\":[\"phone:13800000000\"]}",
                        "{\"from\":\"team@lanhai-data.cn\",\"fromName\":\"张伟\",\"source\":{\"messageId\":"
                                + "\"msg-1@mail.lanhai-data.cn\"},\"bodyText\":\"请联系 13800000000\"}",
                        now)
                .update();
        db.sql("insert into review_objections (id, round, entry_id, name, unit, contact, reason, evidence, received_at,"
                        + " recorded_by) values (?, 'preliminary', 'team-1', '孙举报', '某公司', '13700000000', '抄袭',"
                        + " '[]'::jsonb, ?, 'organizer')")
                .params(UUID.randomUUID(), now)
                .update();
        db.sql("insert into exam_imports (id, exam, route, source, sheet_sha256, sheet, imported_at, results, problems)"
                        + " values ('x-1', '数字技能初赛', 'export', 'a.zip', 'abc', ?, ?, cast(? as jsonb), '[]'::jsonb)")
                .params(
                        "张伟,370602199001011234".getBytes(StandardCharsets.UTF_8),
                        now,
                        "[{\"row\":2,\"name\":\"张伟\",\"unit\":\"某局\",\"idNumber\":\"370602199001011234\",\"score\":85}]")
                .update();
        db.sql("insert into receipts (submission_id, state, recipient, message, decided_at) values ('s-1', 'SENT',"
                        + " 'team@lanhai-data.cn', ?, ?)")
                .params("To: team@lanhai-data.cn".getBytes(StandardCharsets.UTF_8), now)
                .update();
    }

    /** Every row of the tables that held personal data, as text. */
    private String dump() {
        StringBuilder all = new StringBuilder();
        for (String table : new String[] {
            "accounts", "entries", "entry_keys", "submissions", "review_objections", "exam_imports", "receipts"
        }) {
            all.append(database.jdbc()
                    .sql("select coalesce(string_agg(t::text, '|'), '') from " + table + " t")
                    .query(String.class)
                    .single());
        }
        all.append(database.jdbc()
                .sql("select coalesce(string_agg(convert_from(coalesce(message, ''::bytea), 'UTF8'), '|'), '')"
                        + " from receipts")
                .query(String.class)
                .single());
        return all.toString();
    }
}
