package cn.dataelements.contest.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dataelements.contest.IntakeIT;
import cn.dataelements.contest.account.AccountStore;
import cn.dataelements.contest.system.security.SecurityProperties;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Accounts through the pages: an admin makes one, its person signs in; five wrong passwords lock it, even against
 * the right one, until an admin unlocks it; the audit log shows it all to the admin. The REST API's OpenAPI document
 * is there for signed-in users.
 */
@IntakeIT
class AccountsIT {

    @Autowired
    SecurityProperties security;

    @Autowired
    JdbcClient db;

    @Autowired
    AccountStore accounts;

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
        assertThat(auditor.get("/").location()).as("the auditor's landing page").endsWith("/audit");
        assertThat(auditor.get("/audit").text())
                .as("actions in words, their codes kept beside")
                .contains("账号因密码错误被锁定")
                .contains("解除锁定")
                .contains("新建账号")
                .contains("title=\"account.create\"");
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

    @Test
    void anAdminDisablesAndEnablesAnAccountFromTheList() throws Exception {
        String base = "http://127.0.0.1:" + port;
        PageSession admin = PageSession.signedIn(base, security.adminUser(), security.adminPassword());
        String user = "toggle-" + UUID.randomUUID().toString().substring(0, 8);
        admin.post(
                "/admin/accounts",
                Map.of(
                        "username",
                        user,
                        "displayName",
                        "王组织",
                        "password",
                        "the-organizers-own",
                        "roles",
                        "ORGANIZER",
                        "unit",
                        "威海市大数据中心",
                        "enabled",
                        "true"),
                true);
        assertThat(admin.get("/admin").text())
                .contains("action=\"/admin/accounts/" + user + "/enabled\"")
                .contains("data-confirm=\"停用账号 " + user + "？");

        assertThat(admin.post("/admin/accounts/" + user + "/enabled", Map.of("enabled", "false"), true)
                        .status())
                .isEqualTo(302);
        assertThat(PageSession.anonymous(base)
                        .signIn(user, "the-organizers-own")
                        .location())
                .as("disabled")
                .endsWith("/login?error");
        assertThat(accounts.find(user).orElseThrow().unit())
                .as("the rest of the account kept")
                .isEqualTo("威海市大数据中心");

        admin.post("/admin/accounts/" + user + "/enabled", Map.of("enabled", "true"), true);
        PageSession.signedIn(base, user, "the-organizers-own");
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
        String refusedPage = admin.get("/admin").text();
        assertThat(refusedPage.substring(refusedPage.indexOf("id=\"account-form\"")))
                .as("the reason beside the form, which keeps what was typed but the password")
                .contains("已被占用")
                .contains("value=\"冒用者\"")
                .contains("value=\"别的单位\"")
                .doesNotContain("someone-elses-pass");
        assertThat(accounts.find(user).orElseThrow().displayName())
                .as("the account as it was")
                .isEqualTo("李评审");
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
        assertThat(auditor(base, admin).get("/audit").text())
                .contains("account.update")
                .as("the change in words")
                .contains("角色：评审专家；启用")
                .doesNotContain("roles=[");
        PageSession.signedIn(base, user, "the-reviewers-own");
    }

    @Test
    void aPasswordIsResetByItsOwnActionAndAnEditNeverChangesIt() throws Exception {
        String base = "http://127.0.0.1:" + port;
        PageSession admin = PageSession.signedIn(base, security.adminUser(), security.adminPassword());
        String user = reviewer(admin, "reset-");

        PageSession.Answer edited = admin.post(
                "/admin/accounts/" + user,
                Map.of(
                        "displayName",
                        "改名的评审",
                        "password",
                        "sneaked-in-password",
                        "roles",
                        "REVIEWER",
                        "unit",
                        "山东大学（威海）",
                        "enabled",
                        "true"),
                true);
        assertThat(edited.location()).endsWith("/admin");
        PageSession.signedIn(base, user, "the-reviewers-own");

        PageSession.Answer tooShort =
                admin.post("/admin/accounts/" + user + "/password", Map.of("password", "short"), true);
        assertThat(tooShort.location()).endsWith("/admin/accounts/" + user + "#password");
        String editPage = admin.get("/admin/accounts/" + user).text();
        assertThat(editPage.substring(editPage.indexOf("id=\"password-form\"")))
                .as("the reason beside the password form")
                .contains("id=\"password-error\"")
                .contains("12");
        PageSession.signedIn(base, user, "the-reviewers-own");

        PageSession.Answer reset =
                admin.post("/admin/accounts/" + user + "/password", Map.of("password", "a-brand-new-password"), true);
        assertThat(reset.location()).endsWith("/admin");
        PageSession.signedIn(base, user, "a-brand-new-password");
        assertThat(PageSession.anonymous(base).signIn(user, "the-reviewers-own").location())
                .endsWith("/login?error");
        assertThat(accounts.find(user).orElseThrow().displayName()).isEqualTo("改名的评审");

        PageSession auditor = auditor(base, admin);
        String filtered =
                auditor.get("/audit?action=account.password&target=" + user).text();
        assertThat(filtered.substring(filtered.indexOf("id=\"audit\"")))
                .as("only the password reset of this account")
                .contains("重设密码")
                .contains(user)
                .doesNotContain("title=\"account.update\"")
                .doesNotContain("title=\"account.create\"");
        assertThat(auditor.get("/audit?who=" + security.adminUser() + "&target=" + user)
                        .text())
                .contains("title=\"account.update\"")
                .contains("title=\"account.password\"");
        assertThat(auditor.get("/audit?from=2024-09-02&to=2024-08-20").text())
                .contains("开始日期（2024-09-02）晚于结束日期（2024-08-20）");
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
        assertThat(disabledSession.get("/").location())
                .as("a reviewer lands on 我的评审")
                .endsWith("/reviewing");
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
        assertThat(auditor(base, admin).get("/audit").text()).contains("导入名单").contains(name);
        String page = admin.get("/admin").text();
        assertThat(page)
                .as("the list types to choose from, and the list imported")
                .contains("<option value=\"dishonest\">失信名单</option>")
                .contains(name);
    }

    @Test
    void theApiIsDescribedForSignedInUsersOnly() throws Exception {
        String base = "http://127.0.0.1:" + port;
        PageSession.Answer icon = PageSession.anonymous(base).get("/img/favicon.svg");
        assertThat(icon.status()).as("the favicon, for anyone").isEqualTo(200);
        assertThat(PageSession.anonymous(base).get("/login").text()).contains("/img/favicon.svg");
        assertThat(PageSession.anonymous(base).get("/v3/api-docs").status()).isIn(302, 401);

        PageSession admin = PageSession.signedIn(base, security.adminUser(), security.adminPassword());
        PageSession.Answer docs = admin.get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.text())
                .contains("\"/api/search\"")
                .contains("\"/api/search/export\"")
                .contains("\"/api/entries/{id}\"");
    }

    @Test
    void anApiTokenIsShownOnceActsAsItsAccountAndEndsWhenRevokedOrTheAccountIsDisabled() throws Exception {
        String base = "http://127.0.0.1:" + port;
        PageSession admin = PageSession.signedIn(base, security.adminUser(), security.adminPassword());
        String user = "tokens-" + UUID.randomUUID().toString().substring(0, 8);
        admin.post(
                "/admin/accounts",
                Map.of(
                        "username",
                        user,
                        "displayName",
                        "脚本用户",
                        "password",
                        "the-scripts-owner",
                        "roles",
                        "ORGANIZER",
                        "enabled",
                        "true"),
                true);
        PageSession owner = PageSession.signedIn(base, user, "the-scripts-owner");

        String first = newToken(owner, "评分导入脚本");
        String second = newToken(owner, "备用");
        assertThat(api(base, "/api/submissions", first)).isEqualTo(200);
        assertThat(owner.get("/account/tokens").text())
                .as("shown once")
                .doesNotContain(first)
                .contains("评分导入脚本");
        assertThat(db.sql("select count(*) from api_tokens where token_hash = ? or label = ?")
                        .params(first, first)
                        .query(Integer.class)
                        .single())
                .as("only the hash is kept")
                .isZero();

        Matcher revoke = Pattern.compile("/account/tokens/([0-9a-f-]{36})/revoke")
                .matcher(owner.get("/account/tokens").text());
        List<String> ids = revoke.results().map(m -> m.group(1)).toList();
        String firstId = db.sql("select id::text from api_tokens where username = ? and label = '评分导入脚本'")
                .param(user)
                .query(String.class)
                .single();
        assertThat(ids).contains(firstId);
        assertThat(owner.post("/account/tokens/" + firstId + "/revoke", Map.of(), true)
                        .status())
                .isEqualTo(302);
        assertThat(api(base, "/api/submissions", first)).as("revoked").isEqualTo(401);
        assertThat(api(base, "/api/submissions", second)).isEqualTo(200);

        admin.post("/admin/accounts/" + user, Map.of("displayName", "脚本用户", "roles", "ORGANIZER"), true);
        assertThat(api(base, "/api/submissions", second))
                .as("the account is disabled")
                .isEqualTo(401);
        assertThat(auditor(base, admin).get("/audit").text())
                .contains("token.create")
                .contains("token.revoke");
    }

    /** Makes a token on 我的令牌 and reads it from the answer, as its owner copies it. */
    private static String newToken(PageSession owner, String label) throws Exception {
        String page =
                owner.post("/account/tokens", Map.of("label", label), true).text();
        Matcher token = Pattern.compile("<code id=\"new-token\">(ci_[A-Za-z0-9_-]+)</code>")
                .matcher(page);
        assertThat(token.find()).as(page).isTrue();
        return token.group(1);
    }

    private static int api(String base, String path, String token) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base + path))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
