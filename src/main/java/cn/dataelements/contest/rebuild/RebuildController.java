package cn.dataelements.contest.rebuild;

import java.io.IOException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/admin/rebuild}: rebuilds every submission and entry from the archive (admins only). Runs in the
 * request and answers with the report; progress goes to the log every 25 submissions.
 */
@RestController
class RebuildController {

    private final EntryRebuild rebuild;

    RebuildController(EntryRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping("/api/admin/rebuild")
    RebuildReport rebuild() throws IOException {
        return rebuild.rebuildAll();
    }
}
