package cn.dataelements.contest.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Changes the text of a real docx in place, so a test can make a variant of a generated form without regenerating. */
public final class DocxText {

    private static final String BODY = "word/document.xml";

    private DocxText() {}

    /** The docx with every {@code from} in its body replaced; fails when the body does not contain it. */
    public static byte[] replace(byte[] docx, String from, String to) {
        if (!body(docx).contains(from)) {
            throw new IllegalArgumentException("the document's body does not contain " + from);
        }
        return editBody(docx, body -> body.replace(from, to));
    }

    /** The docx with its body's XML changed by {@code edit}. */
    public static byte[] editBody(byte[] docx, java.util.function.UnaryOperator<String> edit) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(docx));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                if (entry.getName().equals(BODY)) {
                    bytes = edit.apply(new String(bytes, StandardCharsets.UTF_8))
                            .getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(bytes);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The XML of the document's body, or empty when it has none. */
    public static String body(byte[] docx) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(docx))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().equals(BODY)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            return "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
