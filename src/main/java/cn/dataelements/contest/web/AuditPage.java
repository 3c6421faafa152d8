package cn.dataelements.contest.web;

import cn.dataelements.contest.account.AuditLog;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

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

    @GetMapping("/audit")
    String audit(Model model) {
        model.addAttribute("audit", audit.latest(200));
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
        return audit(model);
    }
}
