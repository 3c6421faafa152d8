package cn.dataelements.contest.compliance;

import cn.dataelements.contest.index.IndexProperties;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The committee's view of an entry's pre-check: {@code GET /api/entries/{id}/findings}, and
 * {@code POST /api/entries/{id}/decisions} to confirm or overrule one finding with a reason.
 */
@RestController
class FindingsController {

    /** A decision as the committee member sends it. */
    record DecisionRequest(
            @NotBlank String code,
            @NotBlank String evidenceKey,

            @NotBlank @Pattern(regexp = "CONFIRMED|OVERRULED")
            String verdict,

            @NotBlank String reason) {}

    private final ElasticsearchClient client;
    private final String alias;
    private final EntryCheck check;

    FindingsController(ElasticsearchClient client, IndexProperties index, EntryCheck check) {
        this.client = client;
        this.alias = index.alias("findings");
        this.check = check;
    }

    @GetMapping("/api/entries/{id}/findings")
    ResponseEntity<EntryFindings> findings(@PathVariable String id) throws IOException {
        GetResponse<EntryFindings> found = client.get(g -> g.index(alias).id(id), EntryFindings.class);
        return found.found()
                ? ResponseEntity.ok(found.source())
                : ResponseEntity.notFound().build();
    }

    @PostMapping("/api/entries/{id}/decisions")
    ResponseEntity<EntryFindings> decide(
            @PathVariable String id, @Valid @RequestBody DecisionRequest request, Principal who) throws IOException {
        GetResponse<EntryFindings> found = client.get(g -> g.index(alias).id(id), EntryFindings.class);
        if (!found.found()) {
            return ResponseEntity.notFound().build();
        }
        List<Finding> current =
                found.source().findings().stream().map(CheckedFinding::finding).toList();
        boolean known = current.stream()
                .anyMatch(f -> f.code().equals(request.code())
                        && Decision.evidenceKey(f.evidence()).equals(request.evidenceKey()));
        if (!known) {
            return ResponseEntity.unprocessableEntity().build();
        }
        Decision decision = new Decision(
                id,
                request.code(),
                request.evidenceKey(),
                request.verdict(),
                request.reason(),
                who.getName(),
                Instant.now());
        // While a rebuild fills a new index, the entry may not be there yet: the decision is kept all the same.
        EntryFindings updated = check.decide(decision)
                .orElseGet(() -> check.withDecisions(id, current, found.source().conflicts()));
        return ResponseEntity.ok(updated);
    }
}
