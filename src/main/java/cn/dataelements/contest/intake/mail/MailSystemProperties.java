package cn.dataelements.contest.intake.mail;

import java.util.Map;

/**
 * The lenient Jakarta Mail (Angus) System properties this package relies on. Several of them are read once, by static
 * initialisers of {@code jakarta.mail.internet} classes, so they only take effect when set before the first of those
 * classes loads: the application's {@code main} calls {@link #apply()} first thing, the test JVM receives them as
 * {@code -D} options in the Surefire/Failsafe {@code argLine}, and {@link MailParser}'s static initialiser calls
 * {@link #apply()} as a last resort. The parser decodes headers and parameters from their raw bytes itself, so these
 * values are a safety net for the places where Jakarta Mail still decodes (addresses, dates, transfer encodings), not
 * something the decoding depends on. {@code mail.mime.allowutf8} is deliberately left unset: when true, Angus turns
 * raw 8-bit header bytes into U+FFFD before we can see them.
 */
public final class MailSystemProperties {

    /** Property name to lenient value; the exact list the build passes as {@code -D} options. */
    public static final Map<String, String> LENIENT = Map.of(
            "mail.mime.decodetext.strict", "false",
            "mail.mime.encodeeol.strict", "false",
            "mail.mime.decodefilename", "true",
            "mail.mime.decodeparameters", "true",
            "mail.mime.parameters.strict", "false",
            "mail.mime.base64.ignoreerrors", "true",
            "mail.mime.ignoreunknownencoding", "true",
            "mail.mime.uudecode.ignoreerrors", "true",
            "mail.mime.uudecode.ignoremissingbeginend", "true",
            "mail.mime.multipart.ignoremissingendboundary", "true");

    private MailSystemProperties() {}

    /** Sets every property in {@link #LENIENT} that is not already set; calling it again changes nothing. */
    public static void apply() {
        LENIENT.forEach((name, value) -> {
            if (System.getProperty(name) == null) {
                System.setProperty(name, value);
            }
        });
    }
}
