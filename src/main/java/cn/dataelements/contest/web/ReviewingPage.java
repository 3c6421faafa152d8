package cn.dataelements.contest.web;

import cn.dataelements.contest.review.ReviewException;
import cn.dataelements.contest.review.ReviewPlan;
import cn.dataelements.contest.review.ReviewerDesk;
import cn.dataelements.contest.review.Rounds;
import cn.dataelements.contest.review.ScoreSheets;
import cn.dataelements.contest.system.sheets.SheetWriter;
import cn.dataelements.contest.system.web.Downloads;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 我的评审 (reviewers): the entries assigned to the signed-in reviewer, round by round, by the round's codes
 * ({@link ReviewerDesk}), each with its packet (blind when the round is) and a score form that can be corrected until the round closes; the round's score sheet to fill
 * in offline and upload. An entry not assigned to the reviewer answers 404, as an unknown one does.
 */
@Controller
class ReviewingPage {

    private final Rounds rounds;
    private final ReviewerDesk desk;
    private final ScoreSheets sheets;

    ReviewingPage(Rounds rounds, ReviewerDesk desk, ScoreSheets sheets) {
        this.rounds = rounds;
        this.desk = desk;
        this.sheets = sheets;
    }

    @GetMapping("/reviewing")
    String reviewing(Authentication who, Model model) {
        Map<String, List<ReviewerDesk.Task>> byRound = new LinkedHashMap<>();
        for (ReviewerDesk.Task task : desk.tasks(who.getName())) {
            byRound.computeIfAbsent(task.round().key(), k -> new ArrayList<>()).add(task);
        }
        model.addAttribute("rounds", byRound);
        return "reviewing";
    }

    @GetMapping("/reviewing/{round}/{code}/packet")
    void packet(@PathVariable String round, @PathVariable String code, Authentication who, HttpServletResponse response)
            throws IOException {
        desk.packet(round, code, who.getName(), "page", response);
    }

    @PostMapping("/reviewing/{round}/{code}/score")
    String score(
            @PathVariable String round,
            @PathVariable String code,
            @RequestParam Map<String, String> form,
            Authentication who,
            RedirectAttributes flash) {
        ReviewPlan.Round shown = rounds.round(round);
        String entry = desk.assigned(round, code, who.getName()).code();
        String problem;
        try {
            Map<String, BigDecimal> values = ScoreForms.values(shown, form);
            desk.score(round, code, who.getName(), values, form.getOrDefault("comment", ""), "page");
            flash.addFlashAttribute("message", "已保存 " + entry + " 的评分。");
            return "redirect:/reviewing";
        } catch (ReviewException e) {
            problem = e.getMessage();
        }
        // the reason beside the entry it concerns, and what was typed kept in its form
        flash.addFlashAttribute("scoreError", Map.of("code", entry, "message", problem));
        flash.addFlashAttribute("typed", Map.copyOf(form));
        return "redirect:/reviewing";
    }

    @GetMapping("/reviewing/{round}/sheet.xlsx")
    void sheet(@PathVariable String round, Authentication who, HttpServletResponse response) throws IOException {
        ReviewPlan.Round shown = rounds.round(round);
        Downloads.send(
                response,
                SheetWriter.fileName("评分表", shown.name(), who.getName()),
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
}
