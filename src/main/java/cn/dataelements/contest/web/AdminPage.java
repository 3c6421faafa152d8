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
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 管理 (admins only): accounts, lock-outs, the audit log, and a re-run of the whole intake with its progress. */
@Controller
class AdminPage {

    private final AccountStore accounts;
    private final LoginAttempts attempts;
    private final AuditLog audit;
    private final RebuildJobs rebuilds;
    private final WatchListImports lists;

    AdminPage(
            AccountStore accounts,
            LoginAttempts attempts,
            AuditLog audit,
            RebuildJobs rebuilds,
            WatchListImports lists) {
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
        model.addAttribute("audit", audit.latest(200));
        model.addAttribute(
                "rebuild", rebuilds.last().map(RebuildJobs.Job::status).orElse(null));
        return "admin";
    }

    @PostMapping("/admin/accounts")
    String save(
            @RequestParam String username,
            @RequestParam(defaultValue = "") String displayName,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(name = "roles", required = false) List<Role> roles,
            @RequestParam(defaultValue = "") String unit,
            @RequestParam(defaultValue = "") String creditCode,
            @RequestParam(defaultValue = "") String phone,
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "false") boolean enabled,
            Authentication who,
            RedirectAttributes flash) {
        Set<Role> chosen = roles == null || roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
        try {
            Account saved = accounts.save(
                    new AccountStore.Change(
                            username, displayName, password, chosen, unit, creditCode, phone, email, enabled),
                    who.getName());
            audit.record(
                    who.getName(),
                    "account.save",
                    saved.username(),
                    "roles=" + saved.roles() + " enabled=" + saved.enabled() + (password.isEmpty() ? "" : " 密码已更改"));
            flash.addFlashAttribute("message", "已保存账号 " + saved.username() + "。");
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
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
            @RequestParam String kind,
            @RequestPart("file") MultipartFile file,
            Authentication who,
            RedirectAttributes flash) {
        ListKind list = ListKind.fromPath(kind).orElse(null);
        if (list == null || file.isEmpty()) {
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
