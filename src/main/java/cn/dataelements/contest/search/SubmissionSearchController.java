package cn.dataelements.contest.search;

import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/submissions?q=text}: the submissions whose subject, mail text, file names or file contents hold the
 * text, at most 20; without {@code q}, the 20 newest. Needs a signed-in user (HTTP basic), as all of {@code /api/}.
 */
@RestController
class SubmissionSearchController {

    private final SubmissionSearch search;

    SubmissionSearchController(SubmissionSearch search) {
        this.search = search;
    }

    @GetMapping("/api/submissions")
    List<SubmissionHit> submissions(@RequestParam(name = "q", defaultValue = "") String text) {
        try {
            return search.search(text);
        } catch (IOException e) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "Elasticsearch cannot be reached", e);
        }
    }
}
