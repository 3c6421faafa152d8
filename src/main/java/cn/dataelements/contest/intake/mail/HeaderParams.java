package cn.dataelements.contest.intake.mail;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A structured header such as Content-Type or Content-Disposition, parsed from its raw value: the lower-case value
 * before the first {@code ;} and decoded parameters. Parameters may be RFC 2231 ({@code name*0*=gbk''%CD%F5},
 * continuations joined as bytes before decoding), RFC 2047 encoded-words inside quotes, or raw 8-bit bytes.
 */
record HeaderParams(String value, Map<String, String> params) {

    static HeaderParams parse(String raw) {
        List<String> pieces = split(HeaderDecoder.unfold(raw == null ? "" : raw));
        String value = pieces.isEmpty() ? "" : pieces.get(0).trim().toLowerCase(Locale.ROOT);
        Map<String, String> plain = new HashMap<>();
        Map<String, TreeMap<Integer, String>> extended = new HashMap<>();
        for (String piece : pieces.subList(Math.min(1, pieces.size()), pieces.size())) {
            int eq = piece.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = piece.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String val = unquote(piece.substring(eq + 1).trim());
            int star = name.indexOf('*');
            if (star < 0) {
                plain.putIfAbsent(name, HeaderDecoder.decode(val));
            } else {
                extended.computeIfAbsent(name.substring(0, star), k -> new TreeMap<>())
                        .put(sectionIndex(name.substring(star)), (name.endsWith("*") ? "*" : " ") + val);
            }
        }
        Map<String, String> params = new HashMap<>(plain);
        extended.forEach((name, sections) -> params.put(name, joinRfc2231(sections)));
        return new HeaderParams(value, params);
    }

    Optional<String> param(String name) {
        return Optional.ofNullable(params.get(name)).filter(v -> !v.isBlank());
    }

    /** "*" or "*0" or "*0*" or "*1": the section number, with a lone star meaning a single section 0. */
    private static int sectionIndex(String suffix) {
        String digits = suffix.replace("*", "");
        try {
            return digits.isEmpty() ? 0 : Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Joins the sections' bytes first, so a multibyte character split between sections decodes whole. */
    private static String joinRfc2231(TreeMap<Integer, String> sections) {
        String charset = null;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean first = true;
        for (String marked : sections.values()) {
            boolean encoded = marked.charAt(0) == '*';
            String text = marked.substring(1);
            if (encoded && first) {
                int q1 = text.indexOf('\'');
                int q2 = q1 < 0 ? -1 : text.indexOf('\'', q1 + 1);
                if (q2 > 0) {
                    charset = text.substring(0, q1);
                    text = text.substring(q2 + 1);
                }
            }
            byte[] piece = encoded ? percentDecode(text) : HeaderDecoder.rawBytes(text);
            bytes.write(piece, 0, piece.length);
            first = false;
        }
        String decoded = TextCharsets.decode(bytes.toByteArray(), charset);
        return decoded.contains("=?") ? HeaderDecoder.decode(decoded) : decoded;
    }

    private static byte[] percentDecode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && hex(text, i + 1, i + 3)) {
                out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c & 0xff);
            }
        }
        return out.toByteArray();
    }

    private static boolean hex(String s, int from, int to) {
        if (to > s.length()) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Splits on semicolons outside quotes. A backslash right after a high byte is a GBK trail byte, not an escape. */
    private static List<String> split(String value) {
        List<String> pieces = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quoted && c == '\\' && i + 1 < value.length() && !afterHighByte(value, i)) {
                current.append(c).append(value.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ';' && !quoted) {
                pieces.add(current.toString());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        pieces.add(current.toString());
        return pieces;
    }

    private static String unquote(String value) {
        if (value.length() < 2 || value.charAt(0) != '"') {
            return value;
        }
        String inner = value.endsWith("\"") ? value.substring(1, value.length() - 1) : value.substring(1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '\\' && i + 1 < inner.length() && !afterHighByte(inner, i)) {
                c = inner.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean afterHighByte(String s, int i) {
        return i > 0 && s.charAt(i - 1) >= 0x81 && s.charAt(i - 1) <= 0xfe;
    }
}
