package cn.dataelements.contest.web;

import cn.dataelements.contest.account.AuditLog;
import cn.dataelements.contest.archive.ArchivedSubmission;
import cn.dataelements.contest.archive.SubmissionArchive;
import cn.dataelements.contest.intake.IntakeAttempts;
import cn.dataelements.contest.intake.IntakeHealth;
import cn.dataelements.contest.intake.SubmissionIntake;
import cn.dataelements.contest.intake.routes.RouteFiles;
import cn.dataelements.contest.ledger.LedgerView;
import cn.dataelements.contest.ledger.Outcome;
import cn.dataelements.contest.system.web.Labels;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 收件: the intake ledger (what arrived from where, what failed and why), the quarantine with a retry of each item
 * from the archive, and the routes with their state: what waits, since when, what failed, what was given up on.
 */
@Controller
class IntakePage {

    private final LedgerView ledger;
    private final RouteFiles routes;
    private final SubmissionArchive archive;
    private final SubmissionIntake intake;
    private final AuditLog audit;
    private final IntakeHealth health;
    private final IntakeAttempts attempts;

    private final Labels labels;
    private final cn.dataelements.contest.alert.Alerts alerts;

    IntakePage(
            cn.dataelements.contest.alert.Alerts alerts,
            Labels labels,
            LedgerView ledger,
            RouteFiles routes,
            SubmissionArchive archive,
            SubmissionIntake intake,
            AuditLog audit,
            IntakeHealth health,
            IntakeAttempts attempts) {
        this.labels = labels;
        this.alerts = alerts;
        this.ledger = ledger;
        this.routes = routes;
        this.archive = archive;
        this.intake = intake;
        this.audit = audit;
        this.health = health;
        this.attempts = attempts;
    }

    /** A route as the page shows it: its file's state and what its health says, in Chinese. */
    record RouteView(RouteFiles.State state, boolean down, List<RouteHealthText.Line> lines) {}

    @GetMapping("/intake")
    String intake(Model model) throws IOException {
        model.addAttribute("latest", ledger.latest(null, 100));
        model.addAttribute("incidents", alerts.recent(50));
        model.addAttribute("quarantined", ledger.latest(Outcome.QUARANTINED, 50));
        model.addAttribute(
                "routes",
                routes.states().stream()
                        .map(state -> new RouteView(
                                state,
                                state.routeId() != null
                                        && !health.downReasons(state.routeId()).isEmpty(),
                                RouteHealthText.lines(state.health(), health.maxWait(), labels::time)))
                        .toList());
        return "intake";
    }

    /**
     * Asks for an item the route gave up on (it could be neither taken in nor quarantined) to be tried again at the
     * next poll, with a fresh count of attempts: after the cause was dealt with at the source.
     */
    @PostMapping("/intake/skipped/release")
    String release(@RequestParam String item, Authentication who, RedirectAttributes flash) {
        audit.record(who.getName(), "intake.release", item, "");
        if (attempts.release(item)) {
            flash.addFlashAttribute("message", "已恢复，该项目将在下次轮询时重新处理。");
        } else {
            flash.addFlashAttribute("error", "该项目不在跳过列表中（可能已被恢复）。");
        }
        return "redirect:/intake";
    }

    /** Takes a quarantined submission in again from the archive: one fresh attempt, its outcome in the ledger. */
    @PostMapping("/intake/retry")
    String retry(
            @RequestParam String submissionId,
            @RequestParam(defaultValue = "") String route,
            Authentication who,
            RedirectAttributes flash)
            throws IOException {
        Optional<ArchivedSubmission> archived = archive.get(submissionId);
        if (archived.isEmpty()) {
            flash.addFlashAttribute("error", "存档中没有这个提交，无法重新处理（它在存档前就失败了，请在来源处重新提交）。");
            return "redirect:/intake";
        }
        audit.record(who.getName(), "intake.retry", submissionId, route);
        SubmissionIntake.Retried retried = intake.retry(archived.get(), route.isBlank() ? "retry" : route);
        if (retried.outcome() == Outcome.QUARANTINED) {
            flash.addFlashAttribute("error", "重新处理仍然失败：" + retried.reasonZh());
        } else {
            flash.addFlashAttribute(
                    "message", "已重新处理：" + labels.of(retried.outcome().name()) + "。");
        }
        return "redirect:/intake";
    }
}
