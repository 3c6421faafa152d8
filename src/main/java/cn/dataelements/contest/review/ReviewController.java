package cn.dataelements.contest.review;

import cn.dataelements.contest.account.AuditLog;
import cn.dataelements.contest.account.EntryAccess;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
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
 * The review over HTTP: {@code /api/review/**} for organizers (rounds, assignments, ranking), {@code /api/reviewing/**}
 * for reviewers (their assignments, packets and scores), {@code /api/entries/{id}/packet} for whoever may see the
 * entry. A refusal (a conflict of interest, a closed round, a score out of range) answers 409 with the reason in
 * Chinese.
 */
@RestController
class ReviewController {

    private final Rounds rounds;
    private final Assignments assignments;
    private final AutoAssignment auto;
    private final Scores scores;
    private final Standings standings;
    private final Packets packets;
    private final ScoreSheets sheets;
    private final EntryAccess access;
    private final AuditLog audit;

    ReviewController(
            Rounds rounds,
            Assignments assignments,
            AutoAssignment auto,
            Scores scores,
            Standings standings,
            Packets packets,
            ScoreSheets sheets,
            EntryAccess access,
            AuditLog audit) {
        this.rounds = rounds;
        this.assignments = assignments;
        this.auto = auto;
        this.scores = scores;
        this.standings = standings;
        this.packets = packets;
        this.sheets = sheets;
        this.access = access;
        this.audit = audit;
    }

    record RoundView(ReviewPlan.Round round, Rounds.Status status, int entries) {}

    record AssignmentRequest(String entryId, String reviewer) {}

    record ScoreRequest(Map<String, BigDecimal> criteria, String comment) {}

    @GetMapping("/api/review/rounds")
    List<RoundView> rounds() {
        return rounds.plan().rounds().stream()
                .map(r -> new RoundView(
                        r, rounds.status(r.key()), rounds.entries(r.key()).size()))
                .toList();
    }

    @PostMapping("/api/review/rounds/{round}/open")
    List<RoundEntry> open(@PathVariable String round, Authentication who) throws IOException {
        return rounds.open(round, who.getName());
    }

    @PostMapping("/api/review/rounds/{round}/close")
    RoundView close(@PathVariable String round, Authentication who) {
        rounds.close(round, who.getName());
        return new RoundView(
                rounds.round(round), rounds.status(round), rounds.entries(round).size());
    }

    @GetMapping("/api/review/rounds/{round}/assignments")
    List<Assignment> assignments(@PathVariable String round) {
        rounds.round(round);
        return assignments.of(round);
    }

    @PostMapping("/api/review/rounds/{round}/assignments")
    Assignment assign(@PathVariable String round, @RequestBody AssignmentRequest request, Authentication who)
            throws IOException {
        return assignments.assign(round, request.entryId(), request.reviewer(), who.getName());
    }

    @PostMapping("/api/review/rounds/{round}/auto-assign")
    AutoAssignment.Report autoAssign(
            @PathVariable String round, @RequestParam(required = false) Integer track, Authentication who)
            throws IOException {
        return auto.assign(round, track, who.getName());
    }

    @GetMapping("/api/review/rounds/{round}/ranking")
    List<Ranking.Track> ranking(@PathVariable String round) {
        return standings.of(round);
    }

    @GetMapping("/api/reviewing")
    List<Assignment> mine(Authentication who) {
        return assignments.ofReviewer(who.getName());
    }

    @GetMapping("/api/reviewing/{round}/{entryId}/packet")
    void myPacket(
            @PathVariable String round, @PathVariable String entryId, Authentication who, HttpServletResponse response)
            throws IOException {
        if (rounds.plan().round(round).isEmpty() || !assignments.assigned(round, entryId, who.getName())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有分配给您的这件作品");
        }
        send(entryId, rounds.round(round).blind(), who, response);
    }

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
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(
                "Content-Disposition",
                ContentDisposition.attachment()
                        .filename(round + "-" + who.getName() + ".xlsx", StandardCharsets.UTF_8)
                        .build()
                        .toString());
        sheets.write(round, who.getName(), response.getOutputStream());
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
        ScoreSheets.Reading reading = sheets.read(round, who.getName(), sheet.getBytes(), name, who.getName());
        if (!reading.problems().isEmpty()) {
            return ResponseEntity.unprocessableEntity().body(Map.of("problems", reading.problems()));
        }
        scores.record(reading.scores());
        return ResponseEntity.ok(Map.of("scored", reading.scores().size()));
    }

    @GetMapping("/api/entries/{id}/packet")
    void packet(
            @PathVariable String id,
            @RequestParam(defaultValue = "false") boolean blind,
            Authentication who,
            HttpServletResponse response)
            throws IOException {
        if (!access.of(who).includes(id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这个作品");
        }
        send(id, blind, who, response);
    }

    @ExceptionHandler(ReviewException.class)
    ProblemDetail refused(ReviewException e) {
        HttpStatus status = e instanceof UnknownRoundException ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT;
        return ProblemDetail.forStatusAndDetail(status, e.getMessage());
    }

    private void send(String entryId, boolean blind, Authentication who, HttpServletResponse response)
            throws IOException {
        audit.record(who.getName(), "review.packet", entryId, blind ? "blind (api)" : "named (api)");
        response.setContentType("application/zip");
        response.setHeader(
                "Content-Disposition",
                ContentDisposition.attachment()
                        .filename(Packets.fileName(entryId, blind), StandardCharsets.UTF_8)
                        .build()
                        .toString());
        packets.write(entryId, blind, response.getOutputStream());
    }
}
