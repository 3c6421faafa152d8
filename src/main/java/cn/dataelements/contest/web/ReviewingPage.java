package cn.dataelements.contest.web;

import cn.dataelements.contest.account.AuditLog;
import cn.dataelements.contest.review.Assignment;
import cn.dataelements.contest.review.Assignments;
import cn.dataelements.contest.review.Packets;
import cn.dataelements.contest.review.ReviewException;
import cn.dataelements.contest.review.ReviewPlan;
import cn.dataelements.contest.review.RoundEntry;
import cn.dataelements.contest.review.Rounds;
import cn.dataelements.contest.review.Score;
import cn.dataelements.contest.review.ScoreSheets;
import cn.dataelements.contest.review.Scores;
import cn.dataelements.contest.system.web.Downloads;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 我的评审 (reviewers): the entries assigned to the signed-in reviewer, round by round, each with its packet (blind
 * when the round is) and a score form that can be corrected until the round closes; the round's score sheet to fill
 * in offline and upload. An entry not assigned to the reviewer answers 404, as an unknown one does.
 */
@Controller
class ReviewingPage {

    private final Rounds rounds;
    private final Assignments assignments;
    private final Scores scores;
    private final ScoreSheets sheets;
    private final Packets packets;
    private final AuditLog audit;

    ReviewingPage(
            Rounds rounds,
            Assignments assignments,
            Scores scores,
            ScoreSheets sheets,
            Packets packets,
            AuditLog audit) {
        this.rounds = rounds;
        this.assignments = assignments;
        this.scores = scores;
        this.sheets = sheets;
        this.packets = packets;
        this.audit = audit;
    }

    /** One assigned entry as the reviewer sees it. */
    record Task(ReviewPlan.Round round, String status, RoundEntry entry, Score score) {}

    @GetMapping("/reviewing")
    String reviewing(Authentication who, Model model) {
        Map<String, List<Task>> byRound = new LinkedHashMap<>();
        for (ReviewPlan.Round round : rounds.plan().rounds()) {
            List<Task> tasks = assignments.ofReviewer(who.getName()).stream()
                    .filter(a -> a.round().equals(round.key()))
                    .map(a -> task(round, a, who.getName()))
                    .toList();
            if (!tasks.isEmpty()) {
                byRound.put(round.key(), tasks);
            }
        }
        model.addAttribute("rounds", byRound);
        return "reviewing";
    }

    @GetMapping("/reviewing/{round}/{entryId}/packet")
    void packet(
            @PathVariable String round, @PathVariable String entryId, Authentication who, HttpServletResponse response)
            throws IOException {
        boolean blind = assigned(round, entryId, who).blind();
        audit.record(who.getName(), "review.packet", entryId, round + (blind ? " blind" : " named"));
        Downloads.send(
                response,
                Packets.fileName(entryId, blind),
                "application/zip",
                out -> packets.write(entryId, blind, out));
    }

    @PostMapping("/reviewing/{round}/{entryId}/score")
    String score(
            @PathVariable String round,
            @PathVariable String entryId,
            @RequestParam Map<String, String> form,
            Authentication who,
            RedirectAttributes flash) {
        ReviewPlan.Round shown = assigned(round, entryId, who);
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        for (ReviewPlan.Criterion criterion : shown.criteria()) {
            String given = form.getOrDefault("c_" + criterion.key(), "").strip();
            if (!given.matches("\\d+(\\.\\d+)?")) {
                flash.addFlashAttribute("error", "“" + criterion.name() + "”请填写数字。");
                return "redirect:/reviewing";
            }
            values.put(criterion.key(), new BigDecimal(given));
        }
        try {
            scores.record(List.of(new Score(
                    round,
                    entryId,
                    who.getName(),
                    values,
                    form.getOrDefault("comment", ""),
                    "page",
                    who.getName(),
                    Instant.now())));
            flash.addFlashAttribute("message", "已保存评分。");
        } catch (ReviewException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/reviewing";
    }

    @GetMapping("/reviewing/{round}/sheet.xlsx")
    void sheet(@PathVariable String round, Authentication who, HttpServletResponse response) throws IOException {
        ReviewPlan.Round shown = rounds.round(round);
        Downloads.send(
                response,
                shown.name() + "评分表-" + who.getName() + ".xlsx",
                Downloads.XLSX,
                out -> sheets.write(round, who.getName(), out));
    }

    @PostMapping("/reviewing/{round}/sheet")
    String upload(
            @PathVariable String round,
            @RequestParam(name = "sheet", required = false) MultipartFile sheet,
            Authentication who,
            RedirectAttributes flash)
            throws IOException {
        if (sheet == null || sheet.isEmpty()) {
            flash.addFlashAttribute("error", "请选择要上传的评分表（xlsx）。");
            return "redirect:/reviewing";
        }
        String name = sheet.getOriginalFilename() == null ? "评分表.xlsx" : sheet.getOriginalFilename();
        try {
            ScoreSheets.Reading reading =
                    sheets.importSheet(round, who.getName(), sheet.getBytes(), name, who.getName());
            if (!reading.problems().isEmpty()) {
                flash.addFlashAttribute("problems", reading.problems());
                flash.addFlashAttribute("error", "评分表有 " + reading.problems().size() + " 处问题，整张表未导入。");
            } else {
                flash.addFlashAttribute("message", "已导入 " + reading.scores().size() + " 件作品的评分。");
            }
        } catch (ReviewException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/reviewing";
    }

    private Task task(ReviewPlan.Round round, Assignment assignment, String reviewer) {
        RoundEntry entry =
                rounds.entry(round.key(), assignment.entryId()).orElse(new RoundEntry(assignment.entryId(), "", 0, ""));
        String title;
        try {
            title = packets.title(entry, round.blind());
        } catch (IOException e) {
            title = "（作品名称暂不可读）";
        }
        return new Task(
                round,
                rounds.status(round.key()).name(),
                new RoundEntry(entry.entryId(), title, entry.track(), entry.trackName()),
                scores.of(round.key(), assignment.entryId(), reviewer).orElse(null));
    }

    private ReviewPlan.Round assigned(String round, String entryId, Authentication who) {
        return assignments
                .roundOf(round, entryId, who.getName())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有分配给您的这件作品"));
    }
}
