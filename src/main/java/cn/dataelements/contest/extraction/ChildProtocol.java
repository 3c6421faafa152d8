package cn.dataelements.contest.extraction;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The framed protocol between {@link ForkedTikaExtractor} and {@link ExtractionChildMain} over the child's stdin and
 * stdout. Strings are length-prefixed UTF-8 so that they are not limited to {@code writeUTF}'s 64 KiB, and every
 * length is checked against a cap so a confused child cannot make the parent allocate without bound. Two requests:
 * parse a document, or unpack an Outlook winmail.dat (TNEF) into files.
 */
final class ChildProtocol {

    /** Sent by the child once its parsers are loaded, so start-up is not charged to the first document's timeout. */
    static final int READY = 0x54494B41;

    static final int REQUEST = 0x52455131;
    static final int TNEF_REQUEST = 0x544E4546;

    private static final int MAX_TNEF_ENTRIES = 10_000;
    private static final int MAX_PATH_BYTES = 1 << 16;

    /** What the child is asked to do. */
    sealed interface ChildRequest permits Request, TnefRequest {}

    /** One document to parse: where it is, what the submitter called it (a type hint), and the text budget. */
    record Request(String path, String displayName, int maxTextChars) implements ChildRequest {}

    /**
     * One winmail.dat to unpack into {@code outDir}, each attachment to a generated name there, at most
     * {@code maxEntries} files of at most {@code maxEntryBytes} each.
     */
    record TnefRequest(String path, String outDir, int maxEntries, long maxEntryBytes) implements ChildRequest {}

    /** What a winmail.dat held: its files, or why it could not be read ({@code ok} false). */
    record TnefReply(boolean ok, List<TnefEntry> entries, String detail) {}

    /** One attachment of a winmail.dat: its name as decoded (empty when it had none), where it was written. */
    record TnefEntry(String name, String file, long size) {}

    private ChildProtocol() {}

    static void writeRequest(DataOutputStream out, ChildRequest request) throws IOException {
        if (request instanceof Request r) {
            out.writeInt(REQUEST);
            writeString(out, r.path());
            writeString(out, r.displayName());
            out.writeInt(r.maxTextChars());
        } else if (request instanceof TnefRequest t) {
            out.writeInt(TNEF_REQUEST);
            writeString(out, t.path());
            writeString(out, t.outDir());
            out.writeInt(t.maxEntries());
            out.writeLong(t.maxEntryBytes());
        }
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

    static void writeTnefReply(DataOutputStream out, TnefReply reply) throws IOException {
        out.writeBoolean(reply.ok());
        out.writeInt(reply.entries().size());
        for (TnefEntry entry : reply.entries()) {
            writeString(out, entry.name());
            writeString(out, entry.file());
            out.writeLong(entry.size());
        }
        writeString(out, reply.detail());
        out.flush();
    }

    static TnefReply readTnefReply(DataInputStream in) throws IOException {
        boolean ok = in.readBoolean();
        int count = in.readInt();
        if (count < 0 || count > MAX_TNEF_ENTRIES) {
            throw new IOException("Implausible winmail.dat entry count " + count);
        }
        List<TnefEntry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entries.add(new TnefEntry(readString(in, MAX_PATH_BYTES), readString(in, MAX_PATH_BYTES), in.readLong()));
        }
        return new TnefReply(ok, entries, readString(in, MAX_PATH_BYTES));
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
    static ChildRequest readRequest(DataInputStream in) throws IOException {
        int tag;
        try {
            tag = in.readInt();
        } catch (EOFException e) {
            return null;
        }
        return switch (tag) {
            case REQUEST -> new Request(readString(in, MAX_PATH_BYTES), readString(in, MAX_PATH_BYTES), in.readInt());
            case TNEF_REQUEST ->
                new TnefRequest(
                        readString(in, MAX_PATH_BYTES), readString(in, MAX_PATH_BYTES), in.readInt(), in.readLong());
            default -> throw new IOException("Unexpected request tag " + Integer.toHexString(tag));
        };
    }
}
