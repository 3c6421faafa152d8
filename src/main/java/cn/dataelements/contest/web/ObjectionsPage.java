package cn.dataelements.contest.web;

import cn.dataelements.contest.review.Objections;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Objections on the 评审 page: an organizer records a real-name objection with its evidence files (an anonymous one,
 * or one without evidence, is refused with the guide's reason); the committee decides on it.
 */
@Controller
class ObjectionsPage {

    private final Objections objections;

    ObjectionsPage(Objections objections) {
        this.objections = objections;
    }

    @PostMapping("/review/rounds/{round}/objections")
    String record(
            @PathVariable String round,
            @RequestParam String entryId,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String unit,
            @RequestParam(defaultValue = "") String contact,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    LocalDateTime receivedAt,
            @RequestParam(name = "evidence", required = false) List<MultipartFile> evidence,
            Authentication who,
            RedirectAttributes flash) {
        return ReviewPage.act(round, flash, () -> {
            List<Objections.Upload> uploads = new ArrayList<>();
            for (MultipartFile file : evidence == null ? List.<MultipartFile>of() : evidence) {
                uploads.add(new Objections.Upload(name(file), file.getBytes()));
            }
            objections.record(
                    round,
                    entryId,
                    name,
                    unit,
                    contact,
                    reason,
                    uploads,
                    receivedAt == null
                            ? null
                            : receivedAt
                                    .atZone(cn.dataelements.contest.review.PublicNotice.BEIJING)
                                    .toInstant(),
                    who.getName());
            return "已登记举报。";
        });
    }

    @PostMapping("/review/objections/{id}/decision")
    String decide(
            @PathVariable String id,
            @RequestParam String round,
            @RequestParam String verdict,
            @RequestParam(defaultValue = "") String reason,
            Authentication who,
            RedirectAttributes flash) {
        return ReviewPage.act(round, flash, () -> {
            objections.decide(id, verdict, reason, who.getName());
            return "已记录裁定。";
        });
    }

    private static String name(MultipartFile file) throws IOException {
        String name = file.getOriginalFilename();
        return name == null || name.isBlank() ? "证据" : name;
    }
}
