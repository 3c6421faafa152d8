package cn.dataelements.contest.samples;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * One raw sample mail, written byte for byte as a Chinese mail client sends it: the subject and sender name as RFC
 * 2047 B-encoded words in the mail's charset, the body in that charset, attachment names as RFC 2231 parameters
 * (plus the encoded-word {@code name} that Outlook and Foxmail add for old readers). Only ASCII goes on the wire.
 */
final class SampleMail {

    private final Charset charset;
    private final String charsetLabel;
    private final List<String> headers = new ArrayList<>();
    private final List<String> parts = new ArrayList<>();
    private final String boundary;

    SampleMail(Charset charset, String charsetLabel, String boundary) {
        this.charset = charset;
        this.charsetLabel = charsetLabel;
        this.boundary = boundary;
    }

    SampleMail header(String name, String value) {
        headers.add(name + ": " + value);
        return this;
    }

    SampleMail from(String displayName, String address) {
        return header("From", encodedWord(displayName) + " <" + address + ">");
    }

    SampleMail subject(String subject) {
        return header("Subject", encodedWord(subject));
    }

    SampleMail body(String text) {
        String crlf = text.replace("\n", "\r\n");
        parts.add("Content-Type: text/plain; charset=" + charsetLabel + "\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n"
                + base64(encode(crlf)));
        return this;
    }

    SampleMail attach(String fileName, String contentType, byte[] content) {
        parts.add("Content-Type: " + contentType + ";\r\n\tname=\"" + word(fileName) + "\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n"
                + "Content-Disposition: attachment;\r\n\tfilename*=" + charsetLabel + "''" + percent(fileName)
                + "\r\n\r\n"
                + base64(content));
        return this;
    }

    byte[] bytes() {
        StringBuilder mail = new StringBuilder();
        headers.forEach(h -> mail.append(h).append("\r\n"));
        mail.append("MIME-Version: 1.0\r\n")
                .append("Content-Type: multipart/mixed;\r\n\tboundary=\"")
                .append(boundary)
                .append("\"\r\n\r\nThis is a multi-part message in MIME format.\r\n");
        for (String part : parts) {
            mail.append("\r\n--").append(boundary).append("\r\n").append(part);
        }
        mail.append("\r\n--").append(boundary).append("--\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(mail.toString().getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** Encoded words of at most 45 bytes each, cut between characters and folded, as RFC 2047 asks. */
    private String encodedWord(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder chunk = new StringBuilder();
        for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
            String next = new String(Character.toChars(text.codePointAt(i)));
            if (encode(chunk + next).length > 45) {
                words.add(word(chunk.toString()));
                chunk.setLength(0);
            }
            chunk.append(next);
        }
        words.add(word(chunk.toString()));
        return String.join("\r\n ", words);
    }

    private String word(String text) {
        return "=?" + charsetLabel + "?B?" + Base64.getEncoder().encodeToString(encode(text)) + "?=";
    }

    private String percent(String text) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : encode(text)) {
            int c = b & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_')) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(String.format("%02X", c));
            }
        }
        return encoded.toString();
    }

    /** Fails rather than writing '?' for a character the mail's charset does not have. */
    private byte[] encode(String text) {
        try {
            ByteBuffer bytes = charset.newEncoder()
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(text));
            return Arrays.copyOf(bytes.array(), bytes.limit());
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(charset + " cannot encode: " + text, e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getMimeEncoder(76, new byte[] {'\r', '\n'}).encodeToString(bytes);
    }
}
