package cn.dataelements.contest.intake.mail;

/**
 * Bounds on what one message may make the parser do, so a hostile or broken mail cannot exhaust disk, memory or stack.
 * Going over a bound records a problem and the walk carries on with the rest of the message.
 *
 * @param maxDepth deepest nesting of multiparts, forwarded messages and winmail.dat containers
 * @param maxParts most MIME parts (and winmail.dat entries) visited in one message
 * @param maxPartBytes largest decoded attachment kept
 * @param maxTotalBytes largest sum of decoded attachments kept for one message
 */
public record MailParserLimits(int maxDepth, int maxParts, long maxPartBytes, long maxTotalBytes) {

    public MailParserLimits {
        if (maxDepth < 1 || maxParts < 1 || maxPartBytes < 1 || maxTotalBytes < 1) {
            throw new IllegalArgumentException("mail parser limits must be positive");
        }
    }

    /** Generous limits for contest submissions: several files of tens of MB each. */
    public static MailParserLimits defaults() {
        return new MailParserLimits(12, 500, 200L * 1024 * 1024, 1024L * 1024 * 1024);
    }
}
