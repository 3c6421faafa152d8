package cn.dataelements.contest.compliance;

import cn.dataelements.contest.account.EntryAccess;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
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

    private final CommitteeDecisions decisions;
    private final EntryAccess access;

    FindingsController(CommitteeDecisions decisions, EntryAccess access) {
        this.decisions = decisions;
        this.access = access;
    }

    @GetMapping("/api/entries/{id}/findings")
    ResponseEntity<EntryFindings> findings(@PathVariable String id, Authentication who) throws IOException {
        if (!access.of(who).includes(id)) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.of(decisions.findings(id));
    }

    @PostMapping("/api/entries/{id}/decisions")
    ResponseEntity<EntryFindings> decide(
            @PathVariable String id, @Valid @RequestBody DecisionRequest request, Authentication who)
            throws IOException {
        try {
            return ResponseEntity.of(decisions.decide(
                    id, request.code(), request.evidenceKey(), request.verdict(), request.reason(), who.getName()));
        } catch (IllegalArgumentException e) {
            return ResponseEntity.unprocessableEntity().build();
        }
    }
}
