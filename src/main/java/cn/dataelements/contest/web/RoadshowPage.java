package cn.dataelements.contest.web;

import cn.dataelements.contest.account.AccountStore;
import cn.dataelements.contest.review.Assignments;
import cn.dataelements.contest.review.ReviewException;
import cn.dataelements.contest.review.ReviewPlan;
import cn.dataelements.contest.review.Roadshow;
import cn.dataelements.contest.review.RoundEntry;
import cn.dataelements.contest.review.Rounds;
import cn.dataelements.contest.review.Scores;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 路演 ({@link Roadshow}): the expert's scoring page for the team presenting ({@code /roadshow}, reviewers), the big
 * screen ({@code /roadshow/screen}) and the organizer's pointer ({@code /roadshow/control}). The pages poll
 * {@code /roadshow/now} and reload when what they show has changed; a score sent twice is saved once.
 */
@Controller
class RoadshowPage {

    private final Roadshow roadshow;
    private final Rounds rounds;
    private final Assignments assignments;
    private final Scores scores;
    private final AccountStore accounts;

    RoadshowPage(Roadshow roadshow, Rounds rounds, Assignments assignments, Scores scores, AccountStore accounts) {
        this.roadshow = roadshow;
        this.rounds = rounds;
        this.assignments = assignments;
        this.scores = scores;
        this.accounts = accounts;
    }

    /** The expert's page: the team presenting, and their own score form for it when they are its expert. */
    @GetMapping("/roadshow")
    String expert(@RequestParam(required = false) String round, Authentication who, Model model) throws IOException {
        Optional<ReviewPlan.Round> shown = chosen(round, model);
        if (shown.isEmpty()) {
            return "roadshow";
        }
        String key = shown.get().key();
        Roadshow.State state = roadshow.state(key);
        model.addAttribute("state", state);
        Roadshow.Finalist now = state.now();
        if (now != null && assignments.assigned(key, now.entry().entryId(), who.getName())) {
            model.addAttribute("mine", true);
            scores.of(key, now.entry().entryId(), who.getName()).ifPresent(s -> model.addAttribute("given", s));
        }
        long assigned = state.finalists().stream()
                .filter(f -> assignments.assigned(key, f.entry().entryId(), who.getName()))
                .count();
        long scored = assignments.ofReviewer(who.getName()).stream()
                .filter(a -> a.round().equals(key))
                .filter(a -> scores.of(key, a.entryId(), a.reviewer()).isPresent())
                .count();
        model.addAttribute("myProgress", scored + " / " + assigned);
        return "roadshow";
    }

    @PostMapping("/roadshow/score")
    String score(
            @RequestParam String round,
            @RequestParam String code,
            @RequestParam Map<String, String> form,
            Authentication who,
            RedirectAttributes flash) {
        ReviewPlan.Round shown = roadshow.round(round);
        RoundEntry entry = rounds.byCode(round, code)
                .filter(e -> assignments.assigned(round, e.entryId(), who.getName()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有分配给您的这件作品"));
        try {
            Map<String, BigDecimal> values = ScoreForms.values(shown, form);
            boolean written = roadshow.score(round, entry, who.getName(), values, form.getOrDefault("comment", ""));
            flash.addFlashAttribute(
                    "message", written ? "已保存 " + entry.code() + " 的评分。" : entry.code() + " 的这份评分已经保存过，没有重复记录。");
        } catch (ReviewException e) {
            flash.addFlashAttribute("error", e.getMessage());
            flash.addFlashAttribute("typed", new HashMap<>(form));
        }
        return "redirect:/roadshow?round=" + round;
    }

    /** The big screen: the team presenting, who has scored it, every finalist's progress; the ranking once complete. */
    @GetMapping("/roadshow/screen")
    String screen(@RequestParam(required = false) String round, Model model) throws IOException {
        Optional<ReviewPlan.Round> shown = chosen(round, model);
        if (shown.isPresent()) {
            model.addAttribute("state", roadshow.state(shown.get().key()));
            model.addAttribute("names", accounts.displayNames());
        }
        return "roadshow-screen";
    }

    /** The organizer's pointer: the finalists in presenting order, the one presenting marked. */
    @GetMapping("/roadshow/control")
    String control(@RequestParam(required = false) String round, Model model) throws IOException {
        Optional<ReviewPlan.Round> shown = chosen(round, model);
        if (shown.isPresent()) {
            model.addAttribute("state", roadshow.state(shown.get().key()));
        }
        return "roadshow-control";
    }

    /** Moves the pointer: to a finalist named by {@code entry}, or one step ({@code step} 1 or -1). */
    @PostMapping("/roadshow/control")
    String move(
            @RequestParam String round,
            @RequestParam(required = false) String entry,
            @RequestParam(defaultValue = "0") int step,
            Authentication who,
            RedirectAttributes flash) {
        try {
            Optional<RoundEntry> to = entry != null && !entry.isBlank()
                    ? rounds.entry(round, entry)
                    : roadshow.next(round, Integer.signum(step));
            if (to.isEmpty()) {
                flash.addFlashAttribute("error", step > 0 ? "已经是最后一个团队。" : step < 0 ? "已经是第一个团队。" : "本轮没有这件作品。");
            } else {
                roadshow.move(round, to.get().entryId(), who.getName());
                flash.addFlashAttribute(
                        "message", "现在路演：" + to.get().code() + " " + to.get().workTitle());
            }
        } catch (ReviewException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/roadshow/control?round=" + round;
    }

    /** What the pages poll: the team presenting, and a version that changes with it and with every score. */
    @GetMapping("/roadshow/now")
    @ResponseBody
    Map<String, String> now(@RequestParam String round) throws IOException {
        Roadshow.State state = roadshow.state(roadshow.round(round).key());
        return Map.of("code", state.now() == null ? "" : state.now().entry().code(), "version", state.version());
    }

    /** The round named, else the live one; the page's list of live rounds to choose from. */
    private Optional<ReviewPlan.Round> chosen(String round, Model model) {
        model.addAttribute("liveRounds", roadshow.rounds());
        Optional<ReviewPlan.Round> shown =
                round == null || round.isBlank() ? roadshow.current() : Optional.of(roadshow.round(round));
        shown.ifPresent(r -> {
            model.addAttribute("round", r);
            model.addAttribute("status", rounds.status(r.key()).name());
        });
        return shown;
    }
}
