package cn.dataelements.contest.web;

import cn.dataelements.contest.account.Role;
import cn.dataelements.contest.system.web.Labels;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's frame needs: who is signed in, which menu items they may use, and the labels. */
@ControllerAdvice(basePackageClasses = PageModel.class)
class PageModel {

    private final cn.dataelements.contest.review.Roadshow roadshow;
    private final Labels labels;
    private final cn.dataelements.contest.account.AccountStore accounts;
    private final cn.dataelements.contest.alert.Alerts alerts;

    PageModel(
            cn.dataelements.contest.alert.Alerts alerts,
            cn.dataelements.contest.review.Roadshow roadshow,
            Labels labels,
            cn.dataelements.contest.account.AccountStore accounts) {
        this.alerts = alerts;
        this.roadshow = roadshow;
        this.labels = labels;
        this.accounts = accounts;
    }

    @ModelAttribute
    void frame(Authentication who, Model model) {
        model.addAttribute("labels", labels);
        if (who == null) {
            return;
        }
        model.addAttribute("username", who.getName());
        // the navigation names the person as the pages name people: by their name, else by their user name
        model.addAttribute(
                "personName",
                accounts.find(who.getName())
                        .map(a -> a.displayName().isBlank() ? a.username() : a.displayName())
                        .orElse(who.getName()));
        model.addAttribute("isAdmin", has(who, Role.ADMIN));
        model.addAttribute("seesIntake", has(who, Role.ORGANIZER) || has(who, Role.COMMITTEE));
        model.addAttribute("isAuditor", has(who, Role.AUDITOR));
        model.addAttribute("isCommittee", has(who, Role.COMMITTEE));
        model.addAttribute("isReviewer", has(who, Role.REVIEWER));
        model.addAttribute("hasRoadshow", !roadshow.rounds().isEmpty());
        if (has(who, Role.ORGANIZER) || has(who, Role.COMMITTEE) || has(who, Role.ADMIN)) {
            try {
                model.addAttribute("openAlerts", alerts.open());
            } catch (RuntimeException e) {
                // the database is what is down: its own alert cannot be read, the page still shows
                model.addAttribute("openAlerts", java.util.List.of());
            }
        }
    }

    static boolean has(Authentication who, Role role) {
        return who != null
                && who.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(role.authority()));
    }
}
