package cn.dataelements.contest.review;

import cn.dataelements.contest.account.AuditLog;
import cn.dataelements.contest.account.EntryAccess;
import cn.dataelements.contest.system.web.Downloads;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The review over HTTP for organizers ({@code /api/review/**}: rounds, assignments, ranking, packet batches), and an
 * entry's packet for whoever may see the entry ({@code /api/entries/{id}/packet}, and {@code /entries/{id}/packet} for
 * the entry page's link). A refusal (a conflict of interest, a round not open) answers 409 with the reason in Chinese;
 * an unknown round 404.
 */
@RestController
class ReviewController {

    private final Rounds rounds;
    private final Assignments assignments;
    private final AutoAssignment auto;
    private final Standings standings;
    private final Packets packets;
    private final PacketJobs jobs;
    private final EntryAccess access;
    private final AuditLog audit;

    ReviewController(
            Rounds rounds,
            Assignments assignments,
            AutoAssignment auto,
            Standings standings,
            Packets packets,
            PacketJobs jobs,
            EntryAccess access,
            AuditLog audit) {
        this.rounds = rounds;
        this.assignments = assignments;
        this.auto = auto;
        this.standings = standings;
        this.packets = packets;
        this.jobs = jobs;
        this.access = access;
        this.audit = audit;
    }

    record RoundView(ReviewPlan.Round round, Rounds.Status status, int entries) {}

    record AssignmentRequest(String entryId, String reviewer) {}

    @GetMapping("/api/review/rounds")
    List<RoundView> rounds() {
        return rounds.plan().rounds().stream().map(r -> view(r.key())).toList();
    }

    @PostMapping("/api/review/rounds/{round}/open")
    List<RoundEntry> open(@PathVariable String round, Authentication who) throws IOException {
        return rounds.open(round, who.getName());
    }

    /**
     * The reasons for the scores a round closes without, by {@link MissingScore#key} ({@code entryId:reviewer}); a
     * close without them while scores are missing answers 409 listing them under {@code missing}.
     */
    record CloseRequest(Map<String, String> reasons) {}

    @PostMapping("/api/review/rounds/{round}/close")
    RoundView close(
            @PathVariable String round, @RequestBody(required = false) CloseRequest request, Authentication who) {
        rounds.close(round, who.getName(), request == null || request.reasons() == null ? Map.of() : request.reasons());
        return view(round);
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

    /** Starts a batch of packets: one track of the round (or all), or everything assigned to one reviewer. */
    @PostMapping("/api/review/rounds/{round}/packets")
    PacketJobs.Job batch(
            @PathVariable String round,
            @RequestParam(required = false) Integer track,
            @RequestParam(required = false) String reviewer,
            Authentication who) {
        return jobs.start(round, track, reviewer, who.getName());
    }

    @GetMapping("/api/review/packets/{id}")
    PacketJobs.Job job(@PathVariable String id) {
        return jobs.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这个批量任务"));
    }

    /** A finished batch's zip: over the API, and from the batch's page. */
    @GetMapping({"/api/review/packets/{id}/file", "/review/jobs/{id}/download"})
    void jobFile(@PathVariable String id, HttpServletResponse response) throws IOException {
        Path file = jobs.file(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "批量任务尚未完成"));
        response.setContentLengthLong(Files.size(file));
        Downloads.send(
                response, "评审材料-" + id.substring(0, 8) + ".zip", "application/zip", out -> Files.copy(file, out));
    }

    /** The entry's packet, for whoever may see the entry: the entry page's link and the API alike. */
    @GetMapping({"/api/entries/{id}/packet", "/entries/{id}/packet"})
    void packet(
            @PathVariable String id,
            @RequestParam(defaultValue = "false") boolean blind,
            Authentication who,
            HttpServletResponse response)
            throws IOException {
        if (!access.of(who).includes(id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这个作品");
        }
        audit.record(who.getName(), "review.packet", id, blind ? "blind" : "named");
        Downloads.send(
                response, Packets.fileName(id, blind), "application/zip", out -> packets.write(id, id, blind, out));
    }

    @ExceptionHandler(ReviewException.class)
    ProblemDetail refused(ReviewException e) {
        return ReviewingController.problem(e);
    }

    private RoundView view(String key) {
        return new RoundView(
                rounds.round(key), rounds.status(key), rounds.entries(key).size());
    }
}
