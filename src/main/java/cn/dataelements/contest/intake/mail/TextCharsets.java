package cn.dataelements.contest.intake.mail;

import com.ibm.icu.charset.CharsetProviderICU;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.tika.parser.txt.CharsetDetector;
import org.apache.tika.parser.txt.CharsetMatch;

/**
 * Turns bytes of Chinese mail into text: maps charset labels to the superset that mail clients really use (a
 * {@code gb2312} label routinely carries GBK/GB18030 characters such as 喆), decodes HZ-GB-2312 (7-bit, so it looks
 * like ASCII) with ICU4J's charset provider, and, when the label is missing or wrong, asks Tika's ICU4J-based
 * {@link CharsetDetector}. Detection prefers valid UTF-8, and GB18030 over other CJK guesses
 * when the detector is not sure, because this mailbox receives Chinese mail.
 */
final class TextCharsets {

    static final Charset GB18030 = Charset.forName("GB18030");

    private static final Set<String> GB_LABELS = Set.of(
            "gb2312",
            "gbk",
            "x-gbk",
            "cp936",
            "ms936",
            "windows-936",
            "gb_2312-80",
            "euc-cn",
            "x-euc-cn",
            "csgb2312",
            "gb18030",
            "chinese",
            "iso-ir-58");
    private static final Set<String> HZ_LABELS = Set.of("hz-gb-2312", "hz", "x-hz", "hz-gb2312", "cp52936");
    private static final Charset HZ = new CharsetProviderICU().charsetForName("HZ");
    private static final Set<String> BIG5_LABELS =
            Set.of("big5", "big-5", "cp950", "x-big5", "csbig5", "x-windows-950");
    private static final Set<String> UNTRUSTED_LABELS =
            Set.of("us-ascii", "ascii", "iso-8859-1", "latin1", "unknown-8bit");
    private static final Set<String> OTHER_CJK =
            Set.of("Big5", "EUC-JP", "EUC-KR", "Shift_JIS", "ISO-2022-JP", "ISO-2022-KR");
    private static final int GB18030_PREFERENCE_MARGIN = 15;

    private TextCharsets() {}

    /** The charset to decode text labelled {@code label} with, or empty when the label is unknown or blank. */
    static Optional<Charset> forLabel(String label) {
        if (label == null || label.isBlank()) {
            return Optional.empty();
        }
        String name = label.trim().replace("\"", "").replace("'", "").toLowerCase(Locale.ROOT);
        if (GB_LABELS.contains(name)) {
            return Optional.of(GB18030);
        }
        if (BIG5_LABELS.contains(name)) {
            return Optional.of(big5());
        }
        if (HZ_LABELS.contains(name) && HZ != null) {
            // ICU's provider, asked directly: the JDK's own lookup does not see providers inside a Boot jar
            return Optional.of(HZ);
        }
        if (name.equals("utf8")) {
            return Optional.of(StandardCharsets.UTF_8);
        }
        try {
            return Optional.of(Charset.forName(name));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    /** Decodes bytes declared as {@code label}, falling back to detection when the label is missing, unknown or proves wrong. */
    static String decode(byte[] bytes, String label) {
        Optional<Charset> declared = forLabel(label);
        if (declared.isPresent() && declared.get().equals(HZ)) {
            return new String(bytes, HZ); // 7-bit text whose ~{ ~} escapes carry GB2312
        }
        if (isAscii(bytes)) {
            return new String(bytes, StandardCharsets.US_ASCII);
        }
        String name = label == null ? "" : label.trim().toLowerCase(Locale.ROOT);
        if (declared.isEmpty() || UNTRUSTED_LABELS.contains(name)) {
            return new String(bytes, detect(bytes));
        }
        Charset charset = declared.get();
        if (charset.equals(StandardCharsets.UTF_8) && !isValid(bytes, charset)) {
            return new String(bytes, detect(bytes));
        }
        return new String(bytes, charset);
    }

    /** Best charset for undeclared bytes: ASCII and valid UTF-8 first, then Tika's detector with a GB18030 preference. */
    static Charset detect(byte[] bytes) {
        if (isAscii(bytes) || isValid(bytes, StandardCharsets.UTF_8)) {
            return StandardCharsets.UTF_8;
        }
        CharsetDetector detector = new CharsetDetector();
        detector.setText(bytes);
        CharsetMatch[] matches = detector.detectAll();
        boolean gbValid = isValid(bytes, GB18030);
        if (matches.length == 0) {
            return gbValid ? GB18030 : Charset.forName("windows-1252");
        }
        CharsetMatch top = matches[0];
        if (top.getName().equals("GB18030")) {
            return GB18030;
        }
        int gbConfidence = confidenceOf(matches, "GB18030");
        boolean topIsOtherCjk = OTHER_CJK.contains(top.getName());
        if (gbValid && (!topIsOtherCjk || top.getConfidence() - gbConfidence < GB18030_PREFERENCE_MARGIN)) {
            return GB18030;
        }
        return forLabel(top.getName()).orElse(gbValid ? GB18030 : Charset.forName("windows-1252"));
    }

    static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static int confidenceOf(CharsetMatch[] matches, String name) {
        for (CharsetMatch match : matches) {
            if (match.getName().equals(name)) {
                return match.getConfidence();
            }
        }
        return 0;
    }

    private static boolean isValid(byte[] bytes, Charset charset) {
        try {
            charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static Charset big5() {
        return Charset.isSupported("x-windows-950") ? Charset.forName("x-windows-950") : Charset.forName("Big5");
    }
}
