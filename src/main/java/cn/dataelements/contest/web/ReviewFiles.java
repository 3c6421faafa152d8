package cn.dataelements.contest.web;

import cn.dataelements.contest.account.AuditLog;
import cn.dataelements.contest.exam.ExamResults;
import cn.dataelements.contest.review.ExamRanking;
import cn.dataelements.contest.review.Objections;
import cn.dataelements.contest.review.PacketJobs;
import cn.dataelements.contest.review.ProxyScans;
import cn.dataelements.contest.review.PublicNotice;
import cn.dataelements.contest.review.ReviewException;
import cn.dataelements.contest.review.ReviewExports;
import cn.dataelements.contest.review.ReviewPlan;
import cn.dataelements.contest.review.Rounds;
import cn.dataelements.contest.review.ScoreSheets;
import cn.dataelements.contest.review.Standings;
import cn.dataelements.contest.system.sheets.SheetWriter;
import cn.dataelements.contest.system.web.Downloads;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
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
 * The review's files for organizers: packets in batches with their progress, score sheets, objections' evidence, a
 * round's ranking and award list, and the 数字技能 exam ranking, each as a download.
 */
@Controller
class ReviewFiles {

    private final Rounds rounds;
    private final Standings standings;
    private final PublicNotice notice;
    private final PacketJobs jobs;
    private final ScoreSheets sheets;
    private final Objections objections;
    private final ExamResults exams;
    private final ProxyScans scans;
    private final AuditLog audit;
    private final cn.dataelements.contest.account.AccountStore accounts;

    ReviewFiles(
            Rounds rounds,
            Standings standings,
            PublicNotice notice,
            PacketJobs jobs,
            ScoreSheets sheets,
            Objections objections,
            ExamResults exams,
            ProxyScans scans,
            AuditLog audit,
            cn.dataelements.contest.account.AccountStore accounts) {
        this.accounts = accounts;
        this.scans = scans;
        this.rounds = rounds;
        this.standings = standings;
        this.notice = notice;
        this.jobs = jobs;
        this.sheets = sheets;
        this.objections = objections;
        this.exams = exams;
        this.audit = audit;
    }

    @GetMapping("/review/rounds/{round}/ranking.xlsx")
    void ranking(@PathVariable String round, Authentication who, HttpServletResponse response) throws IOException {
        ReviewPlan.Round shown = rounds.round(round);
        audit.record(who.getName(), "review.export.ranking", round, "");
        Downloads.send(
                response,
                SheetWriter.fileName("排名", shown.name()),
                Downloads.XLSX,
                out -> ReviewExports.ranking(shown, standings.of(round), accounts.displayNames(), out));
    }

    @GetMapping("/review/rounds/{round}/awards.xlsx")
    void awards(@PathVariable String round, Authentication who, HttpServletResponse response) throws IOException {
        ReviewPlan.Round shown = rounds.round(round);
        audit.record(who.getName(), "review.export.awards", round, "");
        Downloads.send(
                response,
                SheetWriter.fileName("获奖名单（公示）", shown.name()),
                Downloads.XLSX,
                out -> ReviewExports.awards(shown, notice.of(round).orElse(null), standings.awards(round), out));
    }

    @GetMapping("/review/exams.xlsx")
    void examRanking(Authentication who, HttpServletResponse response) throws IOException {
        audit.record(who.getName(), "review.export.exams", "", "");
        Downloads.send(
                response,
                SheetWriter.fileName("数字技能排名"),
                Downloads.XLSX,
                out -> ReviewExports.exam(ExamRanking.of(exams.all()), out));
    }

    /** A batch: a track of the round, or every entry of the round assigned to one reviewer. */
    @PostMapping("/review/rounds/{round}/packets")
    String batch(
            @PathVariable String round,
            @RequestParam(required = false) Integer track,
            @RequestParam(required = false) String reviewer,
            Authentication who) {
        return "redirect:/review/jobs/"
                + jobs.start(round, track, reviewer, who.getName()).id();
    }

    /**
     * A reviewer's score sheet, with the scores they have given, for an organizer who collects the experts' sheets:
     * audited, as reading another's scores is.
     */
    @GetMapping("/review/rounds/{round}/sheets/{reviewer}")
    void sheet(
            @PathVariable String round, @PathVariable String reviewer, Authentication who, HttpServletResponse response)
            throws IOException {
        ReviewPlan.Round shown = rounds.round(round);
        audit.record(who.getName(), "review.sheet.download", reviewer, round);
        Downloads.send(
                response,
                SheetWriter.fileName("评分表", shown.name(), reviewer),
                Downloads.XLSX,
                out -> sheets.write(round, reviewer, out));
    }

    /**
     * A reviewer's paper sheet entered by an organizer (代录): the filled-in xlsx and the reviewer's signed scan of the
     * paper, without which nothing is taken. The scores are the reviewer's, recorded as 代录 by the organizer.
     */
    @PostMapping("/review/rounds/{round}/sheets")
    String importSheet(
            @PathVariable String round,
            @RequestParam(defaultValue = "") String reviewer,
            @RequestParam(name = "sheet", required = false) MultipartFile sheet,
            @RequestParam(name = "scan", required = false) MultipartFile scan,
            Authentication who,
            RedirectAttributes flash) {
        return ReviewPage.act(round, flash, () -> {
            if (sheet == null || sheet.isEmpty() || reviewer.isBlank()) {
                throw new ReviewException("请选择评审专家和评分表文件。");
            }
            if (scan == null || scan.isEmpty()) {
                throw new ReviewException("代录评审专家的纸质评分表，须同时上传其签字的扫描件（PDF 或图片）；未上传扫描件，评分表未导入。");
            }
            ProxyScans.Scan kept = scans.keep(scan.getOriginalFilename(), scan.getBytes());
            String name = sheet.getOriginalFilename() == null ? "评分表.xlsx" : sheet.getOriginalFilename();
            ScoreSheets.Reading reading =
                    sheets.importSheet(round, reviewer, sheet.getBytes(), name, who.getName(), kept);
            if (!reading.problems().isEmpty()) {
                flash.addFlashAttribute("problems", reading.problems());
                throw new ReviewException("评分表有 " + reading.problems().size() + " 处问题，整张表未导入。");
            }
            return "已代录 " + reviewer + " 对 " + reading.scores().size() + " 件作品的评分（附签字扫描件）。";
        });
    }

    /** The signed scan behind a 代录, for organizers and the committee to check it against the paper. */
    @GetMapping("/review/rounds/{round}/scans/{sha256}")
    void scan(@PathVariable String round, @PathVariable String sha256, Authentication who, HttpServletResponse response)
            throws IOException {
        ProxyScans.Scan scan =
                scans.of(round, sha256).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这份扫描件"));
        audit.record(who.getName(), "review.scan", round, scan.sha256());
        Downloads.send(response, scan.name(), "application/octet-stream", out -> Files.copy(scans.file(scan), out));
    }

    /** An objection's evidence file, as received, always as a download. */
    @GetMapping("/review/objections/{id}/evidence/{sha256}")
    void evidence(
            @PathVariable String id, @PathVariable String sha256, Authentication who, HttpServletResponse response)
            throws IOException {
        var file = objections.evidence(id, sha256).orElseThrow(() -> notFound("没有这个证据文件"));
        audit.record(who.getName(), "review.evidence", id, file.getKey());
        response.setHeader("Content-Security-Policy", "sandbox");
        response.setContentLengthLong(Files.size(file.getValue()));
        Downloads.send(response, file.getKey(), "application/octet-stream", out -> Files.copy(file.getValue(), out));
    }

    /** A batch job's page; htmx's request for its progress while it runs gets that part alone. */
    @GetMapping("/review/jobs/{id}")
    String job(
            @PathVariable String id,
            @org.springframework.web.bind.annotation.RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        model.addAttribute("job", jobs.find(id).orElseThrow(() -> notFound("没有这个批量任务")));
        return htmx == null ? "review-job" : "review-job :: progress";
    }

    private static ResponseStatusException notFound(String why) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, why);
    }
}
