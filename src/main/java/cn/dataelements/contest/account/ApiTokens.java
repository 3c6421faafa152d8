package cn.dataelements.contest.account;

import cn.dataelements.contest.system.storage.Sha256;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Personal API tokens ({@code api_tokens}): 32 random bytes, shown once as {@code ci_…} when made; only their sha-256
 * is kept, so a copy of the database signs no one in. A token acts as its account with the account's roles of the
 * moment; revoking it, or disabling the account, ends it. Making and revoking are audited.
 */
@Component
public class ApiTokens {

    static final String PREFIX = "ci_";
    private static final int LABEL_LIMIT = 60;
    /** How often a token's last use is written: not at every request. */
    private static final Duration USE_GRAIN = Duration.ofMinutes(1);

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A token as its owner sees it in the list: never the token itself. */
    public record ApiToken(
            UUID id,
            String username,
            String label,
            String shownPrefix,
            String createdBy,
            Instant createdAt,
            Instant lastUsedAt,
            Instant revokedAt) {

        public boolean active() {
            return revokedAt == null;
        }
    }

    /** A token just made: {@code secret} is shown this once and kept nowhere. */
    public record Issued(ApiToken token, String secret) {}

    private final JdbcClient db;
    private final TransactionTemplate transactions;
    private final AuditLog audit;

    ApiTokens(JdbcClient db, TransactionTemplate transactions, AuditLog audit) {
        this.db = db;
        this.transactions = transactions;
        this.audit = audit;
    }

    /**
     * Makes a token for the account.
     *
     * @throws IllegalArgumentException with the reason in Chinese when the label is empty or too long
     */
    public Issued issue(String username, String label, String by) {
        String named = label == null ? "" : label.strip();
        if (named.isEmpty() || named.length() > LABEL_LIMIT) {
            throw new IllegalArgumentException("请为令牌写一个用途说明（1 到 " + LABEL_LIMIT + " 个字），例如“评分导入脚本”。");
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        ApiToken token = new ApiToken(
                UUID.randomUUID(), username, named, secret.substring(0, 10), by, Instant.now(), null, null);
        transactions.executeWithoutResult(status -> {
            db.sql("""
                            insert into api_tokens (id, username, label, token_hash, shown_prefix, created_by, created_at)
                            values (?, ?, ?, ?, ?, ?, ?)
                            """)
                    .params(
                            token.id(),
                            username,
                            named,
                            hash(secret),
                            token.shownPrefix(),
                            by,
                            Timestamp.from(token.createdAt()))
                    .update();
            audit.record(by, "token.create", username, token.shownPrefix() + "… " + named);
        });
        return new Issued(token, secret);
    }

    /** The account's tokens, newest first, revoked ones included. */
    public List<ApiToken> of(String username) {
        return db.sql("select * from api_tokens where username = ? order by created_at desc")
                .param(username)
                .query((rs, n) -> token(rs))
                .list();
    }

    /** Revokes one of the account's tokens; false when it has no such token that is still active. */
    public boolean revoke(UUID id, String username, String by) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            int revoked = db.sql("update api_tokens set revoked_by = ?, revoked_at = ?"
                            + " where id = ? and username = ? and revoked_at is null")
                    .params(by, Timestamp.from(Instant.now()), id, username)
                    .update();
            if (revoked > 0) {
                audit.record(by, "token.revoke", username, id.toString());
            }
            return revoked > 0;
        }));
    }

    /** The account an active token belongs to; its use is noted (at most once a minute). */
    public Optional<String> owner(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String hash = hash(secret);
        Optional<String> owner = db.sql("select username from api_tokens where token_hash = ? and revoked_at is null")
                .param(hash)
                .query(String.class)
                .optional();
        owner.ifPresent(o -> db.sql("update api_tokens set last_used_at = ? where token_hash = ?"
                        + " and (last_used_at is null or last_used_at < ?)")
                .params(
                        Timestamp.from(Instant.now()),
                        hash,
                        Timestamp.from(Instant.now().minus(USE_GRAIN)))
                .update());
        return owner;
    }

    static String hash(String secret) {
        return Sha256.of(secret);
    }

    private static ApiToken token(ResultSet rs) throws SQLException {
        return new ApiToken(
                rs.getObject("id", UUID.class),
                rs.getString("username"),
                rs.getString("label"),
                rs.getString("shown_prefix"),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(),
                instant(rs.getTimestamp("last_used_at")),
                instant(rs.getTimestamp("revoked_at")));
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
