package cn.dataelements.contest.web;

import cn.dataelements.contest.account.AuditLog;
import cn.dataelements.contest.account.EntryAccess;
import cn.dataelements.contest.compliance.CheckedFinding;
import cn.dataelements.contest.compliance.CommitteeDecisions;
import cn.dataelements.contest.compliance.EntryFindings;
import cn.dataelements.contest.entry.Entries;
import cn.dataelements.contest.entry.Entry;
import cn.dataelements.contest.entry.Material;
import cn.dataelements.contest.intake.OriginalFiles;
import cn.dataelements.contest.submission.SubmissionLetters;
import cn.dataelements.contest.system.web.Labels;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 作品: the entry's header, its five sections beside the list of its original files (each a download), its findings
 * with their evidence and the committee's decisions (a committee member records one here), and every version with
 * what it changed. An entry the user may not see answers 404, as an unknown one does.
 */
@Controller
class EntryPage {

    private final Entries entries;
    private final CommitteeDecisions decisions;
    private final OriginalFiles originals;
    private final EntryAccess access;
    private final AuditLog audit;
    private final SubmissionLetters letters;
    private final cn.dataelements.contest.ocr.OcrTexts ocr;

    private final Labels labels;

    EntryPage(
            cn.dataelements.contest.ocr.OcrTexts ocr,
            Labels labels,
            SubmissionLetters letters,
            Entries entries,
            CommitteeDecisions decisions,
            OriginalFiles originals,
            EntryAccess access,
            AuditLog audit) {
        this.labels = labels;
        this.ocr = ocr;
        this.letters = letters;
        this.entries = entries;
        this.decisions = decisions;
        this.originals = originals;
        this.access = access;
        this.audit = audit;
    }

    /** A version as the page lists it: what it added and replaced compared with the version before. */
    record VersionChange(Entry.Version version, List<String> added, List<String> replaced, List<String> dropped) {}

    @GetMapping("/entries/{id}")
    String entry(@PathVariable String id, Authentication who, Model model) throws IOException {
        Entry entry = visible(id, who);
        audit.record(who.getName(), "entry.view", id, "page");
        model.addAttribute("entry", entry);
        model.addAttribute("seesContacts", access.seesContacts(who));
        Optional<EntryFindings> findings = decisions.findings(id);
        model.addAttribute("findings", findings.map(EntryFindings::findings).orElse(List.<CheckedFinding>of()));
        model.addAttribute("conflicts", findings.map(EntryFindings::conflicts).orElse(List.of()));
        model.addAttribute("versions", changes(entry.versions()));
        model.addAttribute("files", files(entry));
        Map<String, String> ocrStates = new HashMap<>();
        ocr.states(entry.materials().stream().map(Material::sha256).toList())
                .forEach((sha256, state) -> ocrStates.put(sha256, state.name()));
        model.addAttribute("ocr", ocrStates);
        if (access.seesContacts(who)) {
            List<SubmissionLetters.Letter> found = new ArrayList<>();
            for (Entry.EntrySubmission submission : entry.submissions()) {
                letters.find(submission.id()).ifPresent(found::add);
            }
            model.addAttribute("letters", found);
        }
        return "entry";
    }

    /** {@code GET /entries/{id}/files/{submission}/{sha256}}: an original file of the entry, always as a download. */
    @GetMapping("/entries/{id}/files/{submission}/{sha256}")
    void download(
            @PathVariable String id,
            @PathVariable String submission,
            @PathVariable String sha256,
            Authentication who,
            HttpServletResponse response)
            throws IOException {
        Entry entry = visible(id, who);
        Material material = files(entry).stream()
                .filter(m -> m.submissionId().equals(submission) && m.sha256().equals(sha256))
                .findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "该作品没有这个文件"));
        boolean sent = originals.send(submission, sha256, material.name(), (name, file, size) -> {
            response.setContentType("application/octet-stream");
            response.setHeader(
                    "Content-Disposition",
                    ContentDisposition.attachment()
                            .filename(fileName(name), StandardCharsets.UTF_8)
                            .build()
                            .toString());
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Content-Security-Policy", "sandbox");
            response.setContentLengthLong(size);
            try (InputStream in = Files.newInputStream(file)) {
                in.transferTo(response.getOutputStream());
            }
        });
        if (!sent) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "原件在存档中找不到");
        }
        audit.record(who.getName(), "file.download", id, material.path());
    }

    /**
     * The committee decides several findings at once with one verdict and one reason: each chosen finding is named
     * {@code code:evidenceKey} (a code has no colon). Each is recorded as a decision of its own.
     */
    @PostMapping("/entries/{id}/decisions/batch")
    String decideSeveral(
            @PathVariable String id,
            @RequestParam(name = "finding", required = false) List<String> chosen,
            @RequestParam(defaultValue = "") String verdict,
            @RequestParam(defaultValue = "") String reason,
            Authentication who,
            RedirectAttributes flash)
            throws IOException {
        visible(id, who);
        if (chosen == null || chosen.isEmpty()) {
            flash.addFlashAttribute("error", "请先勾选要决定的问题。");
        } else if (!verdict.equals("CONFIRMED") && !verdict.equals("OVERRULED")) {
            flash.addFlashAttribute("error", "请选择确认或驳回。");
        } else if (reason.isBlank()) {
            flash.addFlashAttribute("error", "请填写决定理由。");
        } else {
            int recorded = 0;
            List<String> gone = new ArrayList<>();
            for (String finding : chosen) {
                int colon = finding.indexOf(':');
                try {
                    decisions.decide(
                            id,
                            finding.substring(0, Math.max(colon, 0)),
                            colon < 0 ? "" : finding.substring(colon + 1),
                            verdict,
                            reason.strip(),
                            who.getName());
                    recorded++;
                } catch (IllegalArgumentException e) {
                    gone.add(labels.of(finding.substring(0, Math.max(colon, 0))));
                }
            }
            flash.addFlashAttribute("message", "已记录 " + recorded + " 项决定（" + labels.of(verdict) + "）。");
            if (!gone.isEmpty()) {
                flash.addFlashAttribute("error", "以下问题已不在最新的检查结果中，未记录：" + String.join("、", gone) + "。");
            }
        }
        return "redirect:/entries/" + id;
    }

    @PostMapping("/entries/{id}/decisions")
    String decide(
            @PathVariable String id,
            @RequestParam String code,
            @RequestParam String evidenceKey,
            @RequestParam String verdict,
            @RequestParam(defaultValue = "") String reason,
            Authentication who,
            RedirectAttributes flash)
            throws IOException {
        visible(id, who);
        if (!verdict.equals("CONFIRMED") && !verdict.equals("OVERRULED")) {
            flash.addFlashAttribute("error", "请选择确认或驳回。");
        } else if (reason.isBlank()) {
            flash.addFlashAttribute("error", "请填写决定理由。");
        } else {
            try {
                decisions.decide(id, code, evidenceKey, verdict, reason.strip(), who.getName());
                flash.addFlashAttribute("message", "已记录决定。");
            } catch (IllegalArgumentException e) {
                flash.addFlashAttribute("error", "该问题已不在最新的检查结果中，请刷新后再试。");
            }
        }
        return "redirect:/entries/" + id;
    }

    private Entry visible(String id, Authentication who) throws IOException {
        if (!access.of(who).includes(id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这个作品");
        }
        return entries.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这个作品"));
    }

    /** Every file of every version, once each: the current ones first. */
    static List<Material> files(Entry entry) {
        Map<String, Material> files = new java.util.LinkedHashMap<>();
        Stream.concat(entry.materials().stream(), entry.versions().stream().flatMap(v -> v.materials().stream()))
                .forEach(m -> files.putIfAbsent(m.submissionId() + "/" + m.sha256() + "/" + m.path(), m));
        return new ArrayList<>(files.values());
    }

    static List<VersionChange> changes(List<Entry.Version> versions) {
        List<VersionChange> changes = new ArrayList<>();
        Map<String, Material> before = new HashMap<>();
        for (Entry.Version version : versions) {
            Map<String, Material> now = new HashMap<>();
            version.materials().forEach(m -> now.put(m.kind() + "/" + m.name(), m));
            List<String> added = new ArrayList<>();
            List<String> replaced = new ArrayList<>();
            for (Map.Entry<String, Material> file : now.entrySet()) {
                Material earlier = before.get(file.getKey());
                if (earlier == null) {
                    added.add(file.getValue().name());
                } else if (!earlier.sha256().equals(file.getValue().sha256())) {
                    replaced.add(file.getValue().name());
                }
            }
            List<String> dropped = before.entrySet().stream()
                    .filter(e -> !now.containsKey(e.getKey()))
                    .map(e -> e.getValue().name())
                    .toList();
            changes.add(new VersionChange(version, sorted(added), sorted(replaced), sorted(dropped)));
            before = now;
        }
        return changes;
    }

    private static List<String> sorted(List<String> names) {
        return names.stream().sorted().toList();
    }

    /** The last part of a path, without characters a file name cannot hold. */
    private static String fileName(String name) {
        String last = name.substring(name.lastIndexOf('/') + 1);
        String clean = last.replaceAll("[\\p{Cntrl}\\\\\"]", "_").strip();
        return clean.isEmpty() ? "file" : clean;
    }
}
