package cn.dataelements.contest.system.text;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Bytes of text that carry no charset (a CSV, a sheet exported as text, a name inside a zip) as Chinese users write
 * them: valid UTF-8 (with or without a byte-order mark) is UTF-8; anything else is what Chinese Windows writes, GBK,
 * read as its superset GB18030.
 */
public final class ChineseCharsets {

    public static final Charset GB18030 = Charset.forName("GB18030");

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private ChineseCharsets() {}

    /** UTF-8 when the bytes start with its byte-order mark or are valid UTF-8, else GB18030. */
    public static Charset charsetOf(byte[] bytes) {
        if (hasUtf8Bom(bytes)) {
            return StandardCharsets.UTF_8;
        }
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException notUtf8) {
            return GB18030;
        }
    }

    /**
     * As {@link #charsetOf}, for the start of a longer text: a UTF-8 sequence cut off at the end of the start does not
     * make it GB18030.
     *
     * @param cut true when the bytes are only the start of the text
     */
    public static Charset charsetOfStart(byte[] start, boolean cut) {
        if (!cut) {
            return charsetOf(start);
        }
        int end = start.length;
        // step back over a multi-byte sequence the cut may have split: at most three continuation bytes and its lead
        for (int back = 0; back < 4 && end > 0 && (start[end - 1] & 0x80) != 0; back++) {
            end--;
            if ((start[end] & 0xC0) == 0xC0) {
                break;
            }
        }
        return charsetOf(java.util.Arrays.copyOf(start, end));
    }

    /** The text, in the charset {@link #charsetOf} finds, without a UTF-8 byte-order mark. */
    public static String decode(byte[] bytes) {
        int skip = hasUtf8Bom(bytes) ? UTF8_BOM.length : 0;
        return new String(bytes, skip, bytes.length - skip, charsetOf(bytes));
    }

    private static boolean hasUtf8Bom(byte[] bytes) {
        return bytes.length >= UTF8_BOM.length
                && bytes[0] == UTF8_BOM[0]
                && bytes[1] == UTF8_BOM[1]
                && bytes[2] == UTF8_BOM[2];
    }
}
