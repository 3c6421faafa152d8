package cn.dataelements.contest.intake.portal;

import cn.dataelements.contest.support.DocxText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Registrations for the portal stand-in, and application forms made unique to a test (title, credit codes, phones and
 * e-mails of their own), so that no entry of another test context is taken for the same team.
 */
final class PortalFixtures {

    static final Path FORMS = Path.of("src/test/resources/forms");
    private static final Pattern PHONE = Pattern.compile("1[3-9][0-9]-[0-9]{4}-[0-9]{4}");
    private static final Pattern CODE = Pattern.compile("[0-9]{6}[0-9A-Z]{12}");
    private static final AtomicLong NEXT = new AtomicLong(System.nanoTime() % 10_000_000L);

    private PortalFixtures() {}

    /**
     * A form of the fixtures with its title and lead unit's credit code replaced, and every other phone, e-mail domain
     * and credit code made unique.
     */
    static byte[] form(String fixture, String title, String newTitle, String code, String newCode, String tag) {
        try {
            byte[] docx = Files.readAllBytes(FORMS.resolve(fixture));
            return DocxText.editBody(docx, body -> {
                String edited = body.replace(title, newTitle)
                        .replace(code, "@LEAD@")
                        .replaceAll("proj[0-9]+\\.example\\.com", tag + ".example.cn");
                edited = replaceAll(PHONE, edited, m -> "139-" + fourDigits() + "-" + fourDigits());
                edited = replaceAll(
                        CODE, edited, m -> m.group().substring(0, 8) + String.format("%010d", NEXT.incrementAndGet()));
                return edited.replace("@LEAD@", newCode);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fourDigits() {
        return String.format("%04d", NEXT.incrementAndGet() % 10_000);
    }

    private static String replaceAll(Pattern pattern, String text, java.util.function.Function<Matcher, String> with) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(with.apply(matcher)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** A registration as the stand-in's listing gives it; {@code files} are JSON objects of attachments. */
    static String registration(
            String id,
            String title,
            String track,
            String unit,
            String code,
            String phone,
            String submitted,
            String updated,
            String... files) {
        return """
                {"regId":"%s","workName":"%s","trackName":"%s","topicName":"","submitTime":"%s","updateTime":"%s",\
                "viewCount":%d,"leadUnit":{"name":"%s","creditCode":"%s"},"jointUnits":[],\
                "contact":{"name":"联系人%s","phone":"%s","email":"%s@portal-it.example.cn"},\
                "members":[{"name":"成员%s","duty":"项目负责人","phone":"%s","email":""}],\
                "attachments":[%s]}""".formatted(
                        id,
                        title,
                        track,
                        submitted,
                        updated,
                        NEXT.incrementAndGet(),
                        unit,
                        code,
                        id,
                        phone,
                        id.toLowerCase(java.util.Locale.ROOT),
                        id,
                        phone,
                        String.join(",", files));
    }

    /** An attachment of a registration, its link signed as the stand-in checks it. */
    static String attachment(String base, String name) {
        return "{\"fileName\":\"%s\",\"downloadUrl\":\"%s/files/%s?sig={sig}\",\"size\":0}"
                .formatted(
                        name,
                        base,
                        java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)
                                .replace("+", "%20"));
    }
}
