package cn.dataelements.contest.web;

import cn.dataelements.contest.account.AccountStore;
import cn.dataelements.contest.exam.ExamResults;
import cn.dataelements.contest.review.Assignment;
import cn.dataelements.contest.review.Assignments;
import cn.dataelements.contest.review.AutoAssignment;
import cn.dataelements.contest.review.ExamRanking;
import cn.dataelements.contest.review.Objections;
import cn.dataelements.contest.review.PublicNotice;
import cn.dataelements.contest.review.ReviewException;
import cn.dataelements.contest.review.ReviewPlan;
import cn.dataelements.contest.review.RoundEntry;
import cn.dataelements.contest.review.Rounds;
import cn.dataelements.contest.review.Standings;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 评审 (organizers, the committee, admins): a round's state (open it, which freezes its entries; close it), who reviews
 * which entry (by hand, refused with the reason on a conflict of interest, or automatically), the ranking per track
 * with advancement, the public notice, objections, and the 数字技能 exam ranking. Exports and packets are on
 * {@link ReviewFiles}.
 */
@Controller
class ReviewPage {

    private final Rounds rounds;
    private final Assignments assignments;
    private final AutoAssignment auto;
    private final Standings standings;
    private final PublicNotice notice;
    private final Objections objections;
    private final ExamResults exams;
    private final AccountStore accounts;

    ReviewPage(
            Rounds rounds,
            Assignments assignments,
            AutoAssignment auto,
            Standings standings,
            PublicNotice notice,
            Objections objections,
            ExamResults exams,
            AccountStore accounts) {
        this.accounts = accounts;
        this.rounds = rounds;
        this.assignments = assignments;
        this.auto = auto;
        this.standings = standings;
        this.notice = notice;
        this.objections = objections;
        this.exams = exams;
    }

    /** An entry of the round with its reviewers. */
    record EntryRow(RoundEntry entry, List<String> reviewers) {}

    @GetMapping("/review")
    String review(@RequestParam(required = false) String round, Model model) {
        ReviewPlan.Round shown = round == null
                ? rounds.plan().rounds().get(0)
                : rounds.plan().round(round).orElse(rounds.plan().rounds().get(0));
        String key = shown.key();
        Map<ReviewPlan.Round, Rounds.Status> all = new LinkedHashMap<>();
        rounds.plan().rounds().forEach(r -> all.put(r, rounds.status(r.key())));
        model.addAttribute("rounds", all);
        model.addAttribute("round", shown);
        model.addAttribute("status", rounds.status(key).name());
        List<Assignment> assigned = assignments.of(key);
        model.addAttribute(
                "entries",
                rounds.entries(key).stream()
                        .map(e -> new EntryRow(
                                e,
                                assigned.stream()
                                        .filter(a -> a.entryId().equals(e.entryId()))
                                        .map(Assignment::reviewer)
                                        .sorted()
                                        .toList()))
                        .toList());
        Map<Integer, String> tracks = new TreeMap<>();
        rounds.entries(key).forEach(e -> tracks.put(e.track(), e.trackName()));
        model.addAttribute("tracks", tracks);
        model.addAttribute("reviewers", assignments.reviewers());
        // people by name: every account a reviewer's user name could be (a disabled one still has its scores)
        model.addAttribute("names", accounts.displayNames());
        model.addAttribute("ranking", standings.of(key));
        model.addAttribute("missing", rounds.missing(key));
        model.addAttribute("notice", notice.of(key).orElse(null));
        model.addAttribute("objections", objections.of(key));
        model.addAttribute("exams", ExamRanking.of(exams.all()));
        return "review";
    }

    @PostMapping("/review/rounds/{round}/open")
    String open(@PathVariable String round, Authentication who, RedirectAttributes flash) {
        return act(
                round,
                flash,
                () -> "已开启，固定了 " + rounds.open(round, who.getName()).size() + " 件作品。");
    }

    /** Closes the round; the form carries a reason ({@code reason:<entryId>:<reviewer>}) for each missing score. */
    @PostMapping("/review/rounds/{round}/close")
    String close(
            @PathVariable String round,
            @RequestParam Map<String, String> form,
            Authentication who,
            RedirectAttributes flash) {
        Map<String, String> reasons = new HashMap<>();
        form.forEach((name, value) -> {
            if (name.startsWith("reason:")) {
                reasons.put(name.substring("reason:".length()), value);
            }
        });
        return act(round, flash, () -> {
            rounds.close(round, who.getName(), reasons);
            return reasons.isEmpty() ? "已结束，评分不能再修改。" : "已结束，评分不能再修改；未评的各项已记录原因。";
        });
    }

    @PostMapping("/review/rounds/{round}/assignments")
    String assign(
            @PathVariable String round,
            @RequestParam String entryId,
            @RequestParam String reviewer,
            Authentication who,
            RedirectAttributes flash) {
        // a refusal (a conflict of interest) is said beside the form, which keeps the entry and reviewer chosen
        flash.addFlashAttribute("typed", new java.util.HashMap<>(Map.of("entryId", entryId, "reviewer", reviewer)));
        return act(round, flash, "assign-form", () -> {
            assignments.assign(round, entryId, reviewer, who.getName());
            return "已分配给 " + name(reviewer) + "。";
        });
    }

    @PostMapping("/review/rounds/{round}/assignments/remove")
    String unassign(
            @PathVariable String round,
            @RequestParam String entryId,
            @RequestParam String reviewer,
            Authentication who,
            RedirectAttributes flash) {
        return act(round, flash, () -> {
            assignments.unassign(round, entryId, reviewer, who.getName());
            return "已取消 " + name(reviewer) + " 的分配。";
        });
    }

    @PostMapping("/review/rounds/{round}/auto-assign")
    String autoAssign(
            @PathVariable String round,
            @RequestParam(required = false) Integer track,
            Authentication who,
            RedirectAttributes flash) {
        return act(round, flash, () -> {
            AutoAssignment.Report report = auto.assign(round, track, who.getName());
            return "自动分配了 " + report.made() + " 项。" + String.join("；", report.shortOf());
        });
    }

    @PostMapping("/review/rounds/{round}/advance-top")
    String advanceTop(@PathVariable String round, Authentication who, RedirectAttributes flash) {
        return act(round, flash, () -> {
            List<String> leftAlone = standings.advanceTop(round, who.getName());
            return "已按排名确定晋级（获奖）作品。" + String.join("", leftAlone);
        });
    }

    @PostMapping("/review/rounds/{round}/advance")
    String advance(
            @PathVariable String round,
            @RequestParam String entryId,
            @RequestParam boolean advanced,
            @RequestParam(defaultValue = "") String reason,
            Authentication who,
            RedirectAttributes flash) {
        return act(round, flash, () -> {
            standings.set(round, entryId, advanced, reason, who.getName());
            return advanced ? "已确定晋级（获奖）。" : "已取消晋级（获奖）。";
        });
    }

    @PostMapping("/review/rounds/{round}/notice")
    String startNotice(
            @PathVariable String round,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) java.time.LocalDate from,
            Authentication who,
            RedirectAttributes flash) {
        return act(round, flash, () -> {
            var started = notice.start(round, from, who.getName());
            return "公示期：" + started.startsOn() + " 至 " + started.endsOn() + "（北京时间）。";
        });
    }

    /** Runs a page action; a refusal is shown as it is said, in Chinese. */
    /** A person by the name the pages show: the account's display name, else the user name. */
    private String name(String username) {
        return accounts.displayNames().getOrDefault(username, username);
    }

    /** An action whose refusal is said beside the form it came from ({@code section}, an element's id). */
    static String act(String round, RedirectAttributes flash, String section, Action action) {
        try {
            flash.addFlashAttribute("message", action.run());
        } catch (ReviewException e) {
            flash.addFlashAttribute(
                    "sectionError", new java.util.HashMap<>(Map.of("at", section, "message", e.getMessage())));
            return "redirect:/review?round=" + round + "#" + section;
        } catch (IOException e) {
            flash.addFlashAttribute("error", "操作失败，请稍后再试（" + e.getMessage() + "）。");
        }
        return "redirect:/review?round=" + round;
    }

    static String act(String round, RedirectAttributes flash, Action action) {
        try {
            flash.addFlashAttribute("message", action.run());
        } catch (ReviewException e) {
            flash.addFlashAttribute("error", e.getMessage());
        } catch (IOException e) {
            flash.addFlashAttribute("error", "操作失败，请稍后再试（" + e.getMessage() + "）。");
        }
        return "redirect:/review?round=" + round;
    }

    @FunctionalInterface
    interface Action {
        String run() throws IOException;
    }
}
