package cn.dataelements.contest.extraction;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The framed protocol between {@link ForkedTikaExtractor} and {@link ExtractionChildMain} over the child's stdin and
 * stdout. Strings are length-prefixed UTF-8 so that they are not limited to {@code writeUTF}'s 64 KiB, and every
 * length is checked against a cap so a confused child cannot make the parent allocate without bound.
 */
final class ChildProtocol {

    /** Sent by the child once its parsers are loaded, so start-up is not charged to the first document's timeout. */
    static final int READY = 0x54494B41;

    static final int REQUEST = 0x52455131;

    /** One document to parse: where it is, what the submitter called it (a type hint), and the text budget. */
    record Request(String path, String displayName, int maxTextChars) {}

    private ChildProtocol() {}

    static void writeRequest(DataOutputStream out, Request request) throws IOException {
        out.writeInt(REQUEST);
        writeString(out, request.path());
        writeString(out, request.displayName());
        out.writeInt(request.maxTextChars());
        out.flush();
    }

    static void writeReply(DataOutputStream out, ChildReply reply) throws IOException {
        out.writeInt(reply.status().ordinal());
        writeString(out, reply.mediaType());
        writeString(out, reply.text());
        writeString(out, reply.xhtml());
        out.writeInt(reply.metadata().size());
        for (Map.Entry<String, String> e : reply.metadata().entrySet()) {
            writeString(out, e.getKey());
            writeString(out, e.getValue());
        }
        writeString(out, reply.detail());
        out.flush();
    }

    static ChildReply readReply(DataInputStream in, int maxBytes) throws IOException {
        int ordinal = in.readInt();
        ChildReply.Status[] statuses = ChildReply.Status.values();
        if (ordinal < 0 || ordinal >= statuses.length) {
            throw new IOException("Unknown reply status " + ordinal);
        }
        String mediaType = readString(in, maxBytes);
        String text = readString(in, maxBytes);
        String xhtml = readString(in, maxBytes);
        int entries = in.readInt();
        if (entries < 0 || entries > 100) {
            throw new IOException("Implausible metadata count " + entries);
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        for (int i = 0; i < entries; i++) {
            metadata.put(readString(in, maxBytes), readString(in, maxBytes));
        }
        return new ChildReply(statuses[ordinal], mediaType, text, xhtml, metadata, readString(in, maxBytes));
    }

    static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static String readString(DataInputStream in, int maxBytes) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > maxBytes) {
            throw new IOException("Frame of " + length + " bytes exceeds the cap of " + maxBytes);
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Reads the next request, or {@code null} when the parent closed stdin. */
    static Request readRequest(DataInputStream in) throws IOException {
        int tag;
        try {
            tag = in.readInt();
        } catch (EOFException e) {
            return null;
        }
        if (tag != REQUEST) {
            throw new IOException("Unexpected request tag " + Integer.toHexString(tag));
        }
        return new Request(readString(in, 1 << 16), readString(in, 1 << 16), in.readInt());
    }
}
