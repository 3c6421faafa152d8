package cn.dataelements.contest.review;

import cn.dataelements.contest.account.AuditLog;
import cn.dataelements.contest.system.web.Downloads;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
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
import org.springframework.web.server.ResponseStatusException;

/**
 * The review over HTTP for reviewers ({@code /api/reviewing/**}): their assignments, each entry's packet (blind when
 * the round is), their scores, and the round's score sheet. An entry not assigned to them answers 404.
 */
@RestController
class ReviewingController {

    private final Rounds rounds;
    private final Assignments assignments;
    private final Scores scores;
    private final ScoreSheets sheets;
    private final Packets packets;
    private final AuditLog audit;

    ReviewingController(
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

    record ScoreRequest(Map<String, BigDecimal> criteria, String comment) {}

    @GetMapping("/api/reviewing")
    List<Assignment> mine(Authentication who) {
        return assignments.ofReviewer(who.getName());
    }

    @GetMapping("/api/reviewing/{round}/{entryId}/packet")
    void packet(
            @PathVariable String round, @PathVariable String entryId, Authentication who, HttpServletResponse response)
            throws IOException {
        boolean blind = assignments
                .roundOf(round, entryId, who.getName())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有分配给您的这件作品"))
                .blind();
        audit.record(who.getName(), "review.packet", entryId, round + (blind ? " blind (api)" : " named (api)"));
        Downloads.send(
                response,
                Packets.fileName(entryId, blind),
                "application/zip",
                out -> packets.write(entryId, blind, out));
    }

    /** Records or corrects the reviewer's score for an entry while the round is open. */
    @PostMapping("/api/reviewing/{round}/{entryId}/score")
    Score score(
            @PathVariable String round,
            @PathVariable String entryId,
            @RequestBody ScoreRequest request,
            Authentication who) {
        Score score = new Score(
                round,
                entryId,
                who.getName(),
                request.criteria() == null ? Map.of() : request.criteria(),
                request.comment(),
                "api",
                who.getName(),
                Instant.now());
        scores.record(List.of(score));
        return score;
    }

    /** The round's score sheet for the signed-in reviewer, to fill in offline. */
    @GetMapping("/api/reviewing/{round}/sheet")
    void sheet(@PathVariable String round, Authentication who, HttpServletResponse response) throws IOException {
        rounds.round(round);
        Downloads.send(
                response,
                round + "-" + who.getName() + ".xlsx",
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
        return ProblemDetail.forStatusAndDetail(status, e.getMessage());
    }
}
