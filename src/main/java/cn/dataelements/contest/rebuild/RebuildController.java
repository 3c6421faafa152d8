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
 * Rebuilds every submission and entry from the archive, as a background job (admins only).
 *
 * <ul>
 *   <li>{@code POST /api/admin/rebuild[?reextract=true]}: starts one; 202 with the job and its address, or 409 with
 *       the running job when one is already running
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
    ResponseEntity<RebuildStatus> start(@RequestParam(defaultValue = "false") boolean reextract) {
        return jobs.start(reextract)
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
