package cn.dataelements.contest.system.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;

/** Files the pages and the API hand out: always a download, never rendered, named in UTF-8. */
public final class Downloads {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @FunctionalInterface
    public interface Body {
        void write(OutputStream out) throws IOException;
    }

    private Downloads() {}

    public static void send(HttpServletResponse response, String fileName, String type, Body body) throws IOException {
        response.setContentType(type);
        response.setHeader(
                "Content-Disposition",
                ContentDisposition.attachment()
                        .filename(fileName, StandardCharsets.UTF_8)
                        .build()
                        .toString());
        response.setHeader("X-Content-Type-Options", "nosniff");
        body.write(response.getOutputStream());
    }
}
