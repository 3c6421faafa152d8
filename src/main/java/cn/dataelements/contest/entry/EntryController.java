package cn.dataelements.contest.entry;

import cn.dataelements.contest.account.AuditLog;
import cn.dataelements.contest.account.EntryAccess;
import java.io.IOException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An entry as reviewers and organizers get it: {@code GET /api/entries/{id}} (signed-in users). */
@RestController
@RequestMapping("/api/entries")
class EntryController {

    private final Entries entries;
    private final EntryAccess access;
    private final AuditLog audit;

    EntryController(Entries entries, EntryAccess access, AuditLog audit) {
        this.entries = entries;
        this.access = access;
        this.audit = audit;
    }

    /** An entry the user may see ({@link EntryAccess}); any other id answers 404, as an unknown one does. */
    @GetMapping("/{id}")
    ResponseEntity<Entry> entry(@PathVariable String id, Authentication who) throws IOException {
        if (!access.of(who).includes(id)) {
            return ResponseEntity.notFound().build();
        }
        audit.record(who.getName(), "entry.view", id, "api");
        return ResponseEntity.of(
                access.seesContacts(who) ? entries.find(id) : entries.find(id).map(Entry::withoutContacts));
    }
}
