package cn.dataelements.contest.web;

import cn.dataelements.contest.account.AuditLog;
import cn.dataelements.contest.intake.records.SourceTimes;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
            Instant start = day(from, 0);
            Instant end = day(to, 1);
            if (start != null && end != null && !start.isBefore(end)) {
                throw new IllegalArgumentException("开始日期（" + from + "）晚于结束日期（" + to + "），请对调后再筛选。");
            }
            model.addAttribute("audit", audit.find(new AuditLog.Filter(who, action, target, start, end), 200));
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("audit", List.of());
        }
        return "audit";
    }

    /** The start of a day in Beijing, plus some days; null for none. */
    private static Instant day(String date, int plusDays) {
        if (date.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(date.strip())
                    .plusDays(plusDays)
                    .atStartOfDay(SourceTimes.BEIJING)
                    .toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("日期应写作 2024-08-20 的格式，而不是“" + date.strip() + "”。", e);
        }
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
