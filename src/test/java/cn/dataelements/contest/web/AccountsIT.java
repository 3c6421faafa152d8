package cn.dataelements.contest.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dataelements.contest.IntakeIT;
import cn.dataelements.contest.system.security.SecurityProperties;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Accounts through the pages: an admin makes one, its person signs in; five wrong passwords lock it, even against
 * the right one, until an admin unlocks it; the audit log shows it all to the admin. The REST API's OpenAPI document
 * is there for signed-in users.
 */
@IntakeIT
class AccountsIT {

    @Autowired
    SecurityProperties security;

    @LocalServerPort
    int port;

    @Test
    void anAccountIsMadeLockedOutAndUnlockedAndTheAuditLogSaysSo() throws Exception {
        String base = "http://127.0.0.1:" + port;
        String user = "lock-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "the-right-password";
        PageSession admin = PageSession.signedIn(base, security.adminUser(), security.adminPassword());
        PageSession.Answer made = admin.post(
                "/admin/accounts",
                Map.of(
                        "username", user,
                        "displayName", "张组织",
                        "password", password,
                        "roles", "ORGANIZER",
                        "unit", "威海市大数据中心",
                        "enabled", "true"),
                true);
        assertThat(made.status()).isEqualTo(302);
        assertThat(admin.get("/admin").text()).contains(user).contains("张组织").contains("威海市大数据中心");

        PageSession.signedIn(base, user, password);

        PageSession guesser = PageSession.anonymous(base);
        for (int i = 0; i < 5; i++) {
            assertThat(guesser.signIn(user, "wrong-password-" + i).location()).endsWith("/login?error");
        }
        PageSession owner = PageSession.anonymous(base);
        assertThat(owner.signIn(user, password).location())
                .as("the right password while locked")
                .endsWith("/login?error");
        assertThat(owner.get("/login?error").text()).contains("账号已暂时锁定");

        assertThat(admin.post("/admin/accounts/" + user + "/unlock", Map.of(), true)
                        .status())
                .isEqualTo(302);
        PageSession.signedIn(base, user, password);

        assertThat(admin.get("/admin").text())
                .as("the audit log is not the admin's")
                .doesNotContain("account.locked");
        assertThat(admin.get("/audit").status()).isEqualTo(403);
        PageSession auditor = auditor(base, admin);
        assertThat(auditor.get("/audit").text())
                .contains("account.locked")
                .contains("account.unlock")
                .contains("account.create");
        assertThat(auditor.follow(auditor.post("/audit/verify", Map.of(), true)).text())
                .contains("审计日志完整");
        for (String page : List.of("/admin", "/intake", "/review", "/reviewing")) {
            assertThat(auditor.get(page).status()).as("the auditor on " + page).isEqualTo(403);
        }
    }

    @Test
    void anAdminWhoIsNotAnOrganizerReadsNoEntries() throws Exception {
        String base = "http://127.0.0.1:" + port;
        PageSession admin = PageSession.signedIn(base, security.adminUser(), security.adminPassword());
        String user = "sysadmin-" + UUID.randomUUID().toString().substring(0, 8);
        admin.post(
                "/admin/accounts",
                Map.of(
                        "username",
                        user,
                        "displayName",
                        "系统管理员",
                        "password",
                        "the-admins-password",
                        "roles",
                        "ADMIN",
                        "enabled",
                        "true"),
                true);
        PageSession sysadmin = PageSession.signedIn(base, user, "the-admins-password");

        assertThat(sysadmin.get("/admin").status()).isEqualTo(200);
        for (String page : List.of("/intake", "/review", "/audit")) {
            assertThat(sysadmin.get(page).status()).as("the admin on " + page).isEqualTo(403);
        }
        assertThat(sysadmin.get("/search?q=").text())
                .as("no entry, however many there are")
                .contains("共 <strong id=\"hit-total\">0</strong> 件作品");
    }

    /** An auditor's account, made by the admin, signed in. */
    private static PageSession auditor(String base, PageSession admin) throws Exception {
        String user = "auditor-" + UUID.randomUUID().toString().substring(0, 8);
        PageSession.Answer made = admin.post(
                "/admin/accounts",
                Map.of(
                        "username",
                        user,
                        "displayName",
                        "审计员",
                        "password",
                        "the-auditors-own",
                        "roles",
                        "AUDITOR",
                        "enabled",
                        "true"),
                true);
        assertThat(made.status()).isEqualTo(302);
        return PageSession.signedIn(base, user, "the-auditors-own");
    }

    @Test
    void creatingAnAccountWhoseUserNameExistsIsRefusedAndTheAccountStaysAsItWas() throws Exception {
        String base = "http://127.0.0.1:" + port;
        String user = "taken-" + UUID.randomUUID().toString().substring(0, 8);
        PageSession admin = PageSession.signedIn(base, security.adminUser(), security.adminPassword());
        admin.post(
                "/admin/accounts",
                Map.of(
                        "username", user,
                        "displayName", "李评审",
                        "password", "the-reviewers-own",
                        "roles", "REVIEWER",
                        "unit", "山东大学（威海）",
                        "enabled", "true"),
                true);
        assertThat(admin.get("/admin").text()).contains("已新建账号 " + user);

        PageSession.Answer again = admin.post(
                "/admin/accounts",
                Map.of(
                        "username", user,
                        "displayName", "冒用者",
                        "password", "someone-elses-pass",
                        "roles", "ORGANIZER",
                        "unit", "别的单位",
                        "enabled", "true"),
                true);

        assertThat(again.status()).isEqualTo(302);
        assertThat(admin.get("/admin").text()).contains("已被占用").contains("李评审").doesNotContain("冒用者");
        PageSession.signedIn(base, user, "the-reviewers-own");
        assertThat(PageSession.anonymous(base)
                        .signIn(user, "someone-elses-pass")
                        .location())
                .endsWith("/login?error");
        PageSession.Answer edited = admin.post(
                "/admin/accounts/" + user,
                Map.of("displayName", "李评审（改）", "roles", "REVIEWER", "unit", "山东大学（威海）", "enabled", "true"),
                true);
        assertThat(edited.status()).isEqualTo(302);
        assertThat(admin.get("/admin").text()).contains("李评审（改）");
        assertThat(auditor(base, admin).get("/audit").text()).contains("account.update");
        PageSession.signedIn(base, user, "the-reviewers-own");
    }

    @Test
    void aDisabledReviewersOpenSessionIsRefusedAtTheNextRequest() throws Exception {
        String base = "http://127.0.0.1:" + port;
        PageSession admin = PageSession.signedIn(base, security.adminUser(), security.adminPassword());
        String disabled = reviewer(admin, "disabled-");
        String demoted = reviewer(admin, "demoted-");
        PageSession disabledSession = PageSession.signedIn(base, disabled, "the-reviewers-own");
        PageSession demotedSession = PageSession.signedIn(base, demoted, "the-reviewers-own");
        assertThat(disabledSession.get("/reviewing").status()).isEqualTo(200);
        assertThat(demotedSession.get("/reviewing").status()).isEqualTo(200);

        PageSession.Answer disabling = admin.post(
                "/admin/accounts/" + disabled,
                Map.of("displayName", "停用的评审", "roles", "REVIEWER", "unit", "山东大学（威海）"),
                true);
        assertThat(disabling.location())
                .as(disabling.status() + " " + disabling.text())
                .endsWith("/admin");
        PageSession.Answer demoting = admin.post(
                "/admin/accounts/" + demoted,
                Map.of("displayName", "改了角色的评审", "roles", "ORGANIZER", "unit", "山东大学（威海）", "enabled", "true"),
                true);
        assertThat(demoting.location()).endsWith("/admin");

        PageSession.Answer refused = disabledSession.get("/reviewing");
        assertThat(refused.status()).isEqualTo(302);
        assertThat(refused.location()).endsWith("/login?ended");
        assertThat(disabledSession.get("/reviewing").status())
                .as("the session is gone, not only refused once: a request without a session")
                .isEqualTo(401);
        assertThat(demotedSession.get("/reviewing").location()).endsWith("/login?ended");
        assertThat(PageSession.signedIn(base, demoted, "the-reviewers-own")
                        .get("/reviewing")
                        .status())
                .as("signed in again, the account's new roles apply")
                .isEqualTo(403);
    }

    private static String reviewer(PageSession admin, String prefix) throws Exception {
        String user = prefix + UUID.randomUUID().toString().substring(0, 8);
        admin.post(
                "/admin/accounts",
                Map.of(
                        "username", user,
                        "displayName", "评审",
                        "password", "the-reviewers-own",
                        "roles", "REVIEWER",
                        "unit", "山东大学（威海）",
                        "enabled", "true"),
                true);
        return user;
    }

    @Test
    void anAdminImportsAWatchListOnThePage() throws Exception {
        String base = "http://127.0.0.1:" + port;
        PageSession admin = PageSession.signedIn(base, security.adminUser(), security.adminPassword());
        String name = "失信名单-" + UUID.randomUUID().toString().substring(0, 8) + ".csv";

        PageSession.Answer imported = admin.postFile(
                "/admin/lists",
                Map.of("kind", "dishonest"),
                "file",
                name,
                "单位名称,统一社会信用代码\n威海某失信科技有限公司,913710000000000000\n".getBytes(StandardCharsets.UTF_8));

        assertThat(imported.status()).isEqualTo(302);
        assertThat(auditor(base, admin).get("/audit").text())
                .contains("list.import")
                .contains(name);
    }

    @Test
    void theApiIsDescribedForSignedInUsersOnly() throws Exception {
        String base = "http://127.0.0.1:" + port;
        assertThat(PageSession.anonymous(base).get("/v3/api-docs").status()).isIn(302, 401);

        PageSession admin = PageSession.signedIn(base, security.adminUser(), security.adminPassword());
        PageSession.Answer docs = admin.get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.text())
                .contains("\"/api/search\"")
                .contains("\"/api/search/export\"")
                .contains("\"/api/entries/{id}\"");
    }
}
