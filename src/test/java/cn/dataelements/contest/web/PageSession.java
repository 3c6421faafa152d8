package cn.dataelements.contest.web;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser's session with the pages, over plain HTTP: signed in through the form, CSRF token and all. */
public final class PageSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    /**
     * What the app answered.
     *
     * @param headers every header, as received
     */
    public record Answer(int status, String location, String contentType, String headers, byte[] body) {

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final String base;
    private final HttpClient http;

    private PageSession(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A session that has not signed in. */
    public static PageSession anonymous(String base) {
        return new PageSession(base);
    }

    /** A signed-in session; fails unless the sign-in was accepted. */
    public static PageSession signedIn(String base, String user, String password) throws Exception {
        PageSession session = new PageSession(base);
        Answer answer = session.signIn(user, password);
        if (answer.status() != 302 || answer.location().contains("error")) {
            throw new AssertionError("sign-in of " + user + " refused: " + answer.status() + " " + answer.location());
        }
        return session;
    }

    /** A session of an organizer account made for the test (with a unit, so that it may see every entry). */
    public static PageSession newOrganizer(cn.dataelements.contest.account.AccountStore accounts, String base)
            throws Exception {
        String user = "organizer-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        accounts.create(
                new cn.dataelements.contest.account.AccountStore.Change(
                        user,
                        "组织方测试",
                        "organizer-password-1",
                        java.util.Set.of(cn.dataelements.contest.account.Role.ORGANIZER),
                        "威海市大数据中心",
                        "",
                        "",
                        "",
                        true),
                "test");
        return signedIn(base, user, "organizer-password-1");
    }

    /** Posts the sign-in form; answers the form's answer (a redirect to / or to /login?error). */
    Answer signIn(String user, String password) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", user);
        form.put("password", password);
        return post("/login", form, true);
    }

    public Answer get(String path) throws Exception {
        return answer(HttpRequest.newBuilder(URI.create(base + path)).build());
    }

    /** A GET with a header, as a script of the page sends it (htmx's {@code HX-Request}). */
    Answer get(String path, String header, String value) throws Exception {
        return answer(HttpRequest.newBuilder(URI.create(base + path))
                .header(header, value)
                .build());
    }

    /**
     * Posts a form.
     *
     * @param withToken whether to send the CSRF token of a freshly loaded page, as a form of the app does
     */
    Answer post(String path, Map<String, String> form, boolean withToken) throws Exception {
        return post(path, List.copyOf(form.entrySet()), withToken);
    }

    /** Posts a form whose fields may repeat (several checkboxes of one name). */
    Answer post(String path, List<Map.Entry<String, String>> form, boolean withToken) throws Exception {
        List<Map.Entry<String, String>> fields = new java.util.ArrayList<>(form);
        if (withToken) {
            fields.add(Map.entry("_csrf", token()));
        }
        String body = fields.stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return answer(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /**
     * Posts an empty form as a page on another site makes a browser send it: with the session's cookie and, when given,
     * the basic credentials the browser cached for the app, without the CSRF token.
     */
    Answer crossSitePost(String path, String cachedBasic) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "https://forger.example")
                .POST(HttpRequest.BodyPublishers.ofString(""));
        if (cachedBasic != null) {
            request.header("Authorization", cachedBasic);
        }
        return answer(request.build());
    }

    /** Posts a form with one file, as multipart/form-data, with the CSRF token among the fields. */
    Answer postFile(String path, Map<String, String> form, String fileField, String fileName, byte[] content)
            throws Exception {
        return postFiles(path, form, Map.of(fileField, Map.entry(fileName, content)));
    }

    /** Posts a form with files (by field: a name and the bytes), as multipart/form-data, with the CSRF token. */
    Answer postFiles(String path, Map<String, String> form, Map<String, Map.Entry<String, byte[]>> files)
            throws Exception {
        String boundary = "----form" + System.nanoTime();
        Map<String, String> fields = new LinkedHashMap<>(form);
        fields.put("_csrf", token());
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                            + "\"\r\n\r\n" + field.getValue() + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        for (Map.Entry<String, Map.Entry<String, byte[]>> file : files.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.getKey()
                            + "\"; filename=\"" + file.getValue().getKey()
                            + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file.getValue().getValue());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return answer(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build());
    }

    /** Follows a redirect as a browser does, which also shows (and so uses up) the page's one-time message. */
    Answer follow(Answer answer) throws Exception {
        if (answer.status() != 302) {
            return answer;
        }
        URI location = URI.create(base).resolve(answer.location());
        return get(location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery()));
    }

    private Answer answer(HttpRequest request) throws Exception {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(
                response.statusCode(),
                response.headers().firstValue("Location").orElse(""),
                response.headers().firstValue("Content-Type").orElse(""),
                response.headers().map().toString(),
                response.body());
    }

    /** The CSRF token the login page carries for this session. */
    private String token() throws Exception {
        Matcher token = CSRF.matcher(get("/login").text());
        if (!token.find()) {
            throw new AssertionError("the login page carries no CSRF token");
        }
        return token.group(1);
    }
}
