package cn.dataelements.contest.web;

import cn.dataelements.contest.account.AuditLog;
import cn.dataelements.contest.search.InvalidSearchException;
import cn.dataelements.contest.search.SearchParameters;
import java.time.Instant;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 审计 (the auditor only): the latest audit events, and a button that proves the whole chain ({@link AuditLog#verify})
 * and names the first row that breaks it. The check is itself recorded.
 */
@Controller
class AuditPage {

    private final AuditLog audit;

    AuditPage(AuditLog audit) {
        this.audit = audit;
    }

    /** The latest 200 events the filters let through: user, action, part of the target, days in Beijing time. */
    @GetMapping("/audit")
    String audit(
            @RequestParam(defaultValue = "") String who,
            @RequestParam(defaultValue = "") String action,
            @RequestParam(defaultValue = "") String target,
            @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String to,
            Model model) {
        model.addAttribute("who", who);
        model.addAttribute("action", action);
        model.addAttribute("target", target);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("actions", audit.actions());
        model.addAttribute("filtered", !(who + action + target + from + to).isBlank());
        try {
            Instant start = SearchParameters.startOfDay(from, 0);
            Instant end = SearchParameters.startOfDay(to, 1);
            if (start != null && end != null && !start.isBefore(end)) {
                model.addAttribute("error", "开始日期（" + from + "）晚于结束日期（" + to + "），请对调后再筛选。");
                model.addAttribute("audit", List.of());
            } else {
                model.addAttribute("audit", audit.find(new AuditLog.Filter(who, action, target, start, end), 200));
            }
        } catch (InvalidSearchException e) {
            model.addAttribute("error", e.messageZh());
            model.addAttribute("audit", List.of());
        }
        return "audit";
    }

    @PostMapping("/audit/verify")
    String verify(Authentication who, Model model) {
        AuditLog.Verification verification = audit.verify();
        audit.record(
                who.getName(),
                "audit.verify",
                "",
                verification.intact()
                        ? "intact " + verification.rows()
                        : "broken at " + verification.broken().orElseThrow().id());
        model.addAttribute("verification", verification);
        return audit("", "", "", "", "", model);
    }
}
