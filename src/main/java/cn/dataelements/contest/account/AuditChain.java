package cn.dataelements.contest.account;

import cn.dataelements.contest.system.storage.Sha256;
import java.time.Instant;

/**
 * The hash each audit row carries: sha-256 of the row before's hash and the row's own fields, so that editing,
 * inserting or deleting a row breaks the chain from that row on. The same formula is written in SQL in
 * {@code V3__audit_chain.sql} and {@code bin/audit-verify}, which check it without the app: the time as microseconds
 * since the epoch (what PostgreSQL keeps), and each text field preceded by its length in characters, so that no text
 * can pass for another split differently. The time must be as stored: to the microsecond.
 */
public final class AuditChain {

    private AuditChain() {}

    public static String hash(String previous, Instant at, String who, String action, String target, String detail) {
        String payload = previous + "\n" + micros(at) + "\n" + field(who) + "\n" + field(action) + "\n" + field(target)
                + "\n" + field(detail);
        return Sha256.of(payload);
    }

    static long micros(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
    }

    private static String field(String text) {
        return text.codePointCount(0, text.length()) + ":" + text;
    }
}
