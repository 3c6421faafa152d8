package cn.dataelements.contest.review;

import cn.dataelements.contest.system.sheets.SheetWriter;
import cn.dataelements.contest.system.web.Downloads;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The review over HTTP for reviewers ({@code /api/reviewing/**}): their assignments by the round's codes
 * ({@link ReviewerDesk}), each entry's packet (blind when the round is), their scores, and the round's score sheet.
 * An entry not assigned to them answers 404.
 */
@RestController
class ReviewingController {

    private final Rounds rounds;
    private final ReviewerDesk desk;
    private final ScoreSheets sheets;

    ReviewingController(Rounds rounds, ReviewerDesk desk, ScoreSheets sheets) {
        this.rounds = rounds;
        this.desk = desk;
        this.sheets = sheets;
    }

    record ScoreRequest(Map<String, BigDecimal> criteria, String comment) {}

    @GetMapping("/api/reviewing")
    List<ReviewerDesk.Task> mine(Authentication who) {
        return desk.tasks(who.getName());
    }

    @GetMapping("/api/reviewing/{round}/{code}/packet")
    void packet(@PathVariable String round, @PathVariable String code, Authentication who, HttpServletResponse response)
            throws IOException {
        desk.packet(round, code, who.getName(), "api", response);
    }

    /** Records or corrects the reviewer's score for an entry while the round is open. */
    @PostMapping("/api/reviewing/{round}/{code}/score")
    ReviewerDesk.GivenScore score(
            @PathVariable String round,
            @PathVariable String code,
            @RequestBody ScoreRequest request,
            Authentication who) {
        return desk.score(
                round,
                code,
                who.getName(),
                request.criteria() == null ? Map.of() : request.criteria(),
                request.comment(),
                "api");
    }

    /** The round's score sheet for the signed-in reviewer, to fill in offline. */
    @GetMapping("/api/reviewing/{round}/sheet")
    void sheet(@PathVariable String round, Authentication who, HttpServletResponse response) throws IOException {
        ReviewPlan.Round shown = rounds.round(round);
        Downloads.send(
                response,
                SheetWriter.fileName("评分表", shown.name(), who.getName()),
                Downloads.XLSX,
                out -> sheets.write(round, who.getName(), out));
    }

    /**
     * A filled-in score sheet (multipart, field {@code sheet}): 200 with the number of entries scored, or 422 with every
     * problem by sheet, row and column, and then nothing is taken.
     */
    @PostMapping("/api/reviewing/{round}/sheet")
    ResponseEntity<Map<String, Object>> upload(
            @PathVariable String round,
            @RequestParam(name = "sheet", required = false) MultipartFile sheet,
            Authentication who)
            throws IOException {
        if (sheet == null || sheet.isEmpty()) {
            return ResponseEntity.badRequest().body(Map.of("problems", List.of("请上传评分表（multipart 字段 sheet）。")));
        }
        String name = sheet.getOriginalFilename() == null ? "sheet.xlsx" : sheet.getOriginalFilename();
        ScoreSheets.Reading reading = sheets.importSheet(round, who.getName(), sheet.getBytes(), name, who.getName());
        if (!reading.problems().isEmpty()) {
            return ResponseEntity.unprocessableEntity().body(Map.of("problems", reading.problems()));
        }
        return ResponseEntity.ok(Map.of("scored", reading.scores().size()));
    }

    @ExceptionHandler(ReviewException.class)
    ProblemDetail refused(ReviewException e) {
        return problem(e);
    }

    /**
     * A refusal as the API answers it: 404 for an unknown round, 400 for a score's own values, 409 otherwise, the
     * reason in Chinese.
     */
    static ProblemDetail problem(ReviewException e) {
        HttpStatus status = e instanceof UnknownRoundException
                ? HttpStatus.NOT_FOUND
                : e instanceof InvalidScoreException ? HttpStatus.BAD_REQUEST : HttpStatus.CONFLICT;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        if (e instanceof RoundIncompleteException incomplete) {
            problem.setProperty("missing", incomplete.missing());
        }
        return problem;
    }
}
