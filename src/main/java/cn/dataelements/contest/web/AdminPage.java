package cn.dataelements.contest.web;

import cn.dataelements.contest.account.Account;
import cn.dataelements.contest.account.AccountStore;
import cn.dataelements.contest.account.AuditLog;
import cn.dataelements.contest.account.LoginAttempts;
import cn.dataelements.contest.account.Role;
import cn.dataelements.contest.compliance.ImportReport;
import cn.dataelements.contest.compliance.ListKind;
import cn.dataelements.contest.compliance.WatchListImports;
import cn.dataelements.contest.rebuild.RebuildJobs;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 管理 (admins only): accounts, lock-outs, watch lists, and a re-run of the whole intake with its progress. The audit
 * log is the auditor's ({@link AuditPage}).
 */
@Controller
class AdminPage {

    private final AccountStore accounts;
    private final TransactionTemplate transactions;
    private final LoginAttempts attempts;
    private final AuditLog audit;
    private final RebuildJobs rebuilds;
    private final WatchListImports lists;

    AdminPage(
            AccountStore accounts,
            LoginAttempts attempts,
            AuditLog audit,
            RebuildJobs rebuilds,
            WatchListImports lists,
            TransactionTemplate transactions) {
        this.transactions = transactions;
        this.accounts = accounts;
        this.attempts = attempts;
        this.audit = audit;
        this.rebuilds = rebuilds;
        this.lists = lists;
    }

    @GetMapping("/admin")
    String admin(Model model) {
        model.addAttribute(
                "accounts",
                accounts.all().stream()
                        .map(a -> a.view(attempts.lockedUntil(a.username()).isPresent()))
                        .toList());
        model.addAttribute("roles", List.of(Role.values()));
        model.addAttribute("listKinds", List.of(ListKind.values()));
        model.addAttribute("lists", lists.imports());
        model.addAttribute(
                "rebuild", rebuilds.last().map(RebuildJobs.Job::status).orElse(null));
        return "admin";
    }

    /** A new account: a user name that exists is refused, never taken over. */
    @PostMapping("/admin/accounts")
    String create(AccountForm form, Authentication who, RedirectAttributes flash) {
        try {
            Account created = transactions.execute(status -> {
                Account account = accounts.create(form.change(), who.getName());
                audit.record(who.getName(), "account.create", account.username(), form.summary(account));
                return account;
            });
            flash.addFlashAttribute("message", "已新建账号 " + created.username() + "。");
        } catch (IllegalArgumentException e) {
            // said beside the form, which comes back as it was typed (but for the password)
            flash.addFlashAttribute("formError", e.getMessage());
            flash.addFlashAttribute("draft", form.draft());
            return "redirect:/admin#account-form";
        }
        return "redirect:/admin";
    }

    /** The form that changes one account. */
    @GetMapping("/admin/accounts/{username}")
    String edit(@PathVariable String username, Model model) {
        Account account = accounts.find(username)
                .filter(a -> !accounts.isEnvironmentAdmin(a.username()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("account", account.view(false));
        model.addAttribute("roles", List.of(Role.values()));
        return "admin-account";
    }

    /**
     * A change to an existing account, never to its password (重设密码 is its own action). A refused change comes
     * back with what was typed and the reason beside the form.
     */
    @PostMapping("/admin/accounts/{username}")
    String update(@PathVariable String username, AccountForm form, Authentication who, RedirectAttributes flash) {
        AccountForm change = form.withUsername(username).withoutPassword();
        try {
            Account changed = transactions.execute(status -> {
                Account account = accounts.update(change.change(), who.getName());
                audit.record(who.getName(), "account.update", account.username(), change.summary(account));
                return account;
            });
            flash.addFlashAttribute("message", "已修改账号 " + changed.username() + "。");
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("formError", e.getMessage());
            flash.addFlashAttribute("draft", change.draft());
            return "redirect:/admin/accounts/" + username;
        }
        return "redirect:/admin";
    }

    /** Sets a new password for an account, and nothing else of it; the reason of a refusal beside the form. */
    @PostMapping("/admin/accounts/{username}/password")
    String resetPassword(
            @PathVariable String username,
            @RequestParam(defaultValue = "") String password,
            Authentication who,
            RedirectAttributes flash) {
        Account account = accounts.find(username)
                .filter(a -> !accounts.isEnvironmentAdmin(a.username()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (password.isEmpty()) {
            flash.addFlashAttribute("passwordError", "请填写新密码。");
            return "redirect:/admin/accounts/" + username + "#password";
        }
        try {
            transactions.executeWithoutResult(status -> {
                accounts.update(
                        new AccountStore.Change(
                                account.username(),
                                account.displayName(),
                                password,
                                account.roles(),
                                account.unit(),
                                account.creditCode(),
                                account.phone(),
                                account.email(),
                                account.enabled()),
                        who.getName());
                audit.record(who.getName(), "account.password", username, "");
            });
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("passwordError", e.getMessage());
            return "redirect:/admin/accounts/" + username + "#password";
        }
        flash.addFlashAttribute("message", "已为账号 " + username + " 重设密码；请用安全的方式告诉本人。");
        return "redirect:/admin";
    }

    /**
     * An account's form as sent: the fields of {@link AccountStore.Change}. An unticked 启用 box sends nothing, so
     * {@code enabled} is absent (null) for a disabled account.
     */
    record AccountForm(
            String username,
            String displayName,
            String password,
            List<Role> roles,
            String unit,
            String creditCode,
            String phone,
            String email,
            Boolean enabled) {

        /** The form as typed but for the password, as the session (which the database keeps) can hold it. */
        java.util.HashMap<String, Object> draft() {
            java.util.HashMap<String, Object> draft = new java.util.HashMap<>();
            draft.put("username", username == null ? "" : username);
            draft.put("displayName", displayName == null ? "" : displayName);
            draft.put("roles", roles == null ? new java.util.ArrayList<Role>() : new java.util.ArrayList<>(roles));
            draft.put("unit", unit == null ? "" : unit);
            draft.put("creditCode", creditCode == null ? "" : creditCode);
            draft.put("phone", phone == null ? "" : phone);
            draft.put("email", email == null ? "" : email);
            draft.put("enabled", Boolean.TRUE.equals(enabled));
            return draft;
        }

        AccountForm withUsername(String name) {
            return new AccountForm(name, displayName, password, roles, unit, creditCode, phone, email, enabled);
        }

        AccountForm withoutPassword() {
            return new AccountForm(username, displayName, "", roles, unit, creditCode, phone, email, enabled);
        }

        AccountStore.Change change() {
            Set<Role> chosen = roles == null || roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
            return new AccountStore.Change(
                    username,
                    displayName,
                    password == null ? "" : password,
                    chosen,
                    unit,
                    creditCode,
                    phone,
                    email,
                    Boolean.TRUE.equals(enabled));
        }

        /** What the audit line says of the change, in words. */
        String summary(Account account) {
            return "角色："
                    + String.join(
                            "、",
                            account.roles().stream().map(Role::label).sorted().toList()) + "；"
                    + (account.enabled() ? "启用" : "停用")
                    + (password == null || password.isEmpty() ? "" : "；已设密码");
        }
    }

    /** Disables or enables an account from the list, keeping everything else of it. */
    @PostMapping("/admin/accounts/{username}/enabled")
    String enable(
            @PathVariable String username,
            @RequestParam boolean enabled,
            Authentication who,
            RedirectAttributes flash) {
        Account account = accounts.find(username)
                .filter(a -> !accounts.isEnvironmentAdmin(a.username()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        transactions.executeWithoutResult(status -> {
            accounts.update(
                    new AccountStore.Change(
                            account.username(),
                            account.displayName(),
                            "",
                            account.roles(),
                            account.unit(),
                            account.creditCode(),
                            account.phone(),
                            account.email(),
                            enabled),
                    who.getName());
            audit.record(who.getName(), "account.update", username, enabled ? "启用" : "停用");
        });
        flash.addFlashAttribute(
                "message", (enabled ? "已启用账号 " : "已停用账号 ") + username + (enabled ? "。" : "；它的会话和 API 令牌随即失效。"));
        return "redirect:/admin";
    }

    @PostMapping("/admin/accounts/{username}/unlock")
    String unlock(@PathVariable String username, Authentication who, RedirectAttributes flash) {
        attempts.unlock(username, who.getName());
        audit.record(who.getName(), "account.unlock", username, "");
        flash.addFlashAttribute("message", "已解除锁定：" + username + "。");
        return "redirect:/admin";
    }

    /** Imports a watch list (CSV) and checks again the entries it names; the report says which rows were refused. */
    @PostMapping(path = "/admin/lists", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String importList(
            @RequestParam(defaultValue = "") String kind,
            @RequestPart(name = "file", required = false) MultipartFile file,
            Authentication who,
            RedirectAttributes flash) {
        ListKind list = ListKind.fromPath(kind).orElse(null);
        if (list == null || file == null || file.isEmpty()) {
            flash.addFlashAttribute("error", "请选择名单类型和 CSV 文件。");
            return "redirect:/admin";
        }
        try {
            ImportReport report = lists.importList(list, file.getOriginalFilename(), file.getInputStream());
            audit.record(who.getName(), "list.import", list.pathName(), file.getOriginalFilename());
            flash.addFlashAttribute(
                    "message",
                    "已导入 " + report.rows() + " 行，未接受 " + report.rejectedRows().size() + " 行，重新检查了 "
                            + report.recheckedEntries().size() + " 件作品。");
            flash.addFlashAttribute("rejectedRows", report.rejectedRows());
        } catch (IllegalArgumentException | java.io.IOException e) {
            flash.addFlashAttribute("error", "名单无法导入：" + e.getMessage());
        }
        return "redirect:/admin";
    }

    @PostMapping("/admin/rebuild")
    String rebuild(
            @RequestParam(defaultValue = "false") boolean reextract, Authentication who, RedirectAttributes flash) {
        if (rebuilds.start(reextract).isPresent()) {
            audit.record(who.getName(), "rebuild.start", "", reextract ? "reextract" : "");
            flash.addFlashAttribute("message", "已开始重新处理全部提交。");
        } else {
            flash.addFlashAttribute("error", "已有一次重新处理在进行中。");
        }
        return "redirect:/admin";
    }
}
