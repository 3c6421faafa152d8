package cn.dataelements.contest.web;

import cn.dataelements.contest.account.Role;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's frame needs: who is signed in, which menu items they may use, and the labels. */
@ControllerAdvice(basePackageClasses = PageModel.class)
class PageModel {

    private final cn.dataelements.contest.review.Roadshow roadshow;

    PageModel(cn.dataelements.contest.review.Roadshow roadshow) {
        this.roadshow = roadshow;
    }

    @ModelAttribute
    void frame(Authentication who, Model model) {
        model.addAttribute("labels", new LabelsView());
        if (who == null) {
            return;
        }
        model.addAttribute("username", who.getName());
        model.addAttribute("isAdmin", has(who, Role.ADMIN));
        model.addAttribute("seesIntake", has(who, Role.ORGANIZER) || has(who, Role.COMMITTEE));
        model.addAttribute("isAuditor", has(who, Role.AUDITOR));
        model.addAttribute("isCommittee", has(who, Role.COMMITTEE));
        model.addAttribute("isReviewer", has(who, Role.REVIEWER));
        model.addAttribute("hasRoadshow", !roadshow.rounds().isEmpty());
    }

    static boolean has(Authentication who, Role role) {
        return who != null
                && who.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(role.authority()));
    }

    /** The templates' way to the labels: {@code ${labels.of(value)}}, {@code ${labels.facet(name)}}. */
    static final class LabelsView {
        public String of(String value) {
            return Labels.of(value);
        }

        public String facet(String name) {
            return Labels.FACETS.getOrDefault(name, name);
        }

        /** An audit action in words, or its code when it has none. */
        public String action(String code) {
            return Labels.ACTIONS.getOrDefault(code, code);
        }

        /** A phone or e-mail as lists show it: 138****0001, z***@example.cn ({@code Masks}). */
        public String masked(String contact) {
            return cn.dataelements.contest.system.text.Masks.contact(contact);
        }

        /** A time as the organizers read it: Beijing time, to the minute; empty for none. */
        public String time(java.time.Instant at) {
            return at == null
                    ? ""
                    : java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                            .format(at.atZone(cn.dataelements.contest.intake.records.SourceTimes.BEIJING));
        }
    }
}
