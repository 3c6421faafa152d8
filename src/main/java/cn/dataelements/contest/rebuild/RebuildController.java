package cn.dataelements.contest.rebuild;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Re-runs every submission of the archive, or fills new indices from the database, as a background job (admins
 * only).
 *
 * <ul>
 *   <li>{@code POST /api/admin/rebuild[?reextract=true]}: starts a re-run; {@code ?from=database} fills the indices
 *       anew from what is committed instead. 202 with the job and its address, or 409 with the running job when one
 *       is already running
 *   <li>{@code GET /api/admin/rebuild/{id}}: the job's progress (done of total, time left) and, once done, its report
 *   <li>{@code GET /api/admin/rebuild}: the running job, or the last one
 * </ul>
 */
@RestController
class RebuildController {

    private static final String PATH = "/api/admin/rebuild";

    private final RebuildJobs jobs;

    RebuildController(RebuildJobs jobs) {
        this.jobs = jobs;
    }

    @PostMapping(PATH)
    ResponseEntity<RebuildStatus> start(
            @RequestParam(defaultValue = "false") boolean reextract,
            @RequestParam(defaultValue = "archive") String from) {
        if (!from.equals("archive") && !from.equals("database")) {
            return ResponseEntity.badRequest().build();
        }
        return (from.equals("database") ? jobs.startRefill() : jobs.start(reextract))
                .map(job -> ResponseEntity.accepted()
                        .location(URI.create(PATH + "/" + job.id()))
                        .body(job.status()))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.CONFLICT)
                        .body(jobs.last().orElseThrow().status()));
    }

    @GetMapping(PATH + "/{id}")
    ResponseEntity<RebuildStatus> job(@PathVariable String id) {
        return ResponseEntity.of(jobs.find(id).map(RebuildJobs.Job::status));
    }

    @GetMapping(PATH)
    ResponseEntity<RebuildStatus> last() {
        return ResponseEntity.of(jobs.last().map(RebuildJobs.Job::status));
    }
}
