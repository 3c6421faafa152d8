package cn.dataelements.contest.account;

import cn.dataelements.contest.system.security.SecurityProperties;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The accounts, in the database ({@code accounts}: one row per user name, unique). The admin named by the environment
 * ({@code intake.security}) is not in the table: it is made at every start from the environment, with the roles admin,
 * organizer and committee, and it cannot be changed or disabled in the app, so the contest never loses its last admin.
 * Creating an account and changing one are separate operations: a user name that exists is never taken over by a new
 * account.
 */
@Component
public class AccountStore {

    /** A user name: what the sign-in form and the audit log show. */
    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,39}");

    static final int MIN_PASSWORD = 12;

    private static final String COLUMNS =
            "username, display_name, password_hash, roles, unit, credit_code, phone, email, enabled, changed_by,"
                    + " changed_at";

    private final JdbcClient db;
    private final PasswordEncoder encoder;
    private final Account environmentAdmin;

    AccountStore(JdbcClient db, SecurityProperties security, PasswordEncoder encoder) {
        this.db = db;
        this.encoder = encoder;
        this.environmentAdmin = new Account(
                security.adminUser(),
                "管理员（环境变量）",
                encoder.encode(security.adminPassword()),
                EnumSet.of(Role.ADMIN, Role.ORGANIZER, Role.COMMITTEE),
                "",
                "",
                "",
                "",
                true,
                "environment",
                Instant.now());
    }

    /** An account by its user name, the environment's admin included. */
    public Optional<Account> find(String username) {
        if (environmentAdmin.username().equals(username)) {
            return Optional.of(environmentAdmin);
        }
        return db.sql("select " + COLUMNS + " from accounts where username = ?")
                .param(username)
                .query(AccountStore::account)
                .optional();
    }

    /** Every account, the environment's admin first, then by user name. */
    public List<Account> all() {
        List<Account> all = new java.util.ArrayList<>();
        all.add(environmentAdmin);
        all.addAll(db.sql("select " + COLUMNS + " from accounts order by username")
                .query(AccountStore::account)
                .list());
        return all;
    }

    /**
     * How pages name people: each account's display name (its user name when it has none), by user name; a disabled
     * account still has its name, since its scores and decisions stay.
     */
    public java.util.Map<String, String> displayNames() {
        java.util.Map<String, String> names = new java.util.HashMap<>();
        all().forEach(a -> names.put(a.username(), a.displayName().isBlank() ? a.username() : a.displayName()));
        return names;
    }

    /** Whether the account is the one the environment makes, which the app cannot change. */
    public boolean isEnvironmentAdmin(String username) {
        return environmentAdmin.username().equals(username);
    }

    /**
     * What an admin asks for: a new account, or a change to one.
     *
     * @param password the new password, or empty to keep the current one (a new account must have one)
     */
    public record Change(
            String username,
            String displayName,
            String password,
            Set<Role> roles,
            String unit,
            String creditCode,
            String phone,
            String email,
            boolean enabled) {}

    /**
     * Creates an account and returns it; a user name that exists is refused, whatever its case of use.
     *
     * @throws IllegalArgumentException with a message in Chinese for the admin when the account cannot be made
     */
    public Account create(Change change, String by) {
        String username = checked(change);
        if (find(username).isPresent()) {
            throw new IllegalArgumentException("用户名“" + username + "”已被占用：新建账号不能覆盖已有账号，请换一个用户名，或在账号列表中编辑该账号。");
        }
        if (change.password() == null || change.password().isEmpty()) {
            throw new IllegalArgumentException("新账号必须设置密码。");
        }
        Account account = account(change, username, encoder.encode(password(change)), by);
        try {
            db.sql("insert into accounts (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(values(account))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new IllegalArgumentException("用户名“" + username + "”已被占用：新建账号不能覆盖已有账号。", e);
        }
        return account;
    }

    /**
     * Changes an existing account and returns it; its password stays unless a new one is given.
     *
     * @throws IllegalArgumentException with a message in Chinese for the admin when the change is not allowed
     */
    public Account update(Change change, String by) {
        String username = checked(change);
        Account before = find(username).orElseThrow(() -> new IllegalArgumentException("没有用户名为“" + username + "”的账号。"));
        String hash = change.password() == null || change.password().isEmpty()
                ? before.passwordHash()
                : encoder.encode(password(change));
        Account account = account(change, username, hash, by);
        db.sql("update accounts set display_name = ?, password_hash = ?, roles = ?, unit = ?, credit_code = ?,"
                        + " phone = ?, email = ?, enabled = ?, changed_by = ?, changed_at = ? where username = ?")
                .params(
                        account.displayName(),
                        account.passwordHash(),
                        roles(account),
                        account.unit(),
                        account.creditCode(),
                        account.phone(),
                        account.email(),
                        account.enabled(),
                        account.changedBy(),
                        Timestamp.from(account.changedAt()),
                        username)
                .update();
        return account;
    }

    private String checked(Change change) {
        String username = change.username() == null ? "" : change.username().strip();
        if (!USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("用户名须为 2 到 40 个小写字母、数字、点、横线或下划线，并以字母或数字开头。");
        }
        if (isEnvironmentAdmin(username)) {
            throw new IllegalArgumentException("该管理员账号由环境变量设定，不能在系统内修改。");
        }
        if (change.roles() == null || change.roles().isEmpty()) {
            throw new IllegalArgumentException("请至少选择一个角色。");
        }
        for (Role role : change.roles()) {
            if (role.alone() && change.roles().size() > 1) {
                throw new IllegalArgumentException(role.label() + "账号不能兼任其他角色（职责分离）：请为其他职责另建账号。");
            }
        }
        return username;
    }

    private static String password(Change change) {
        if (change.password().length() < MIN_PASSWORD) {
            throw new IllegalArgumentException("密码至少 " + MIN_PASSWORD + " 个字符。");
        }
        return change.password();
    }

    private static Account account(Change change, String username, String hash, String by) {
        return new Account(
                username,
                strip(change.displayName()),
                hash,
                change.roles(),
                strip(change.unit()),
                strip(change.creditCode()).toUpperCase(java.util.Locale.ROOT),
                strip(change.phone()),
                strip(change.email()),
                change.enabled(),
                by,
                Instant.now());
    }

    private static Object[] values(Account a) {
        return new Object[] {
            a.username(),
            a.displayName(),
            a.passwordHash(),
            roles(a),
            a.unit(),
            a.creditCode(),
            a.phone(),
            a.email(),
            a.enabled(),
            a.changedBy(),
            Timestamp.from(a.changedAt())
        };
    }

    private static String[] roles(Account a) {
        return a.roles().stream().map(Role::name).sorted().toArray(String[]::new);
    }

    private static Account account(ResultSet rs, int row) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : (String[]) rs.getArray("roles").getArray()) {
            roles.add(Role.valueOf(role));
        }
        return new Account(
                rs.getString("username"),
                rs.getString("display_name"),
                rs.getString("password_hash"),
                roles,
                rs.getString("unit"),
                rs.getString("credit_code"),
                rs.getString("phone"),
                rs.getString("email"),
                rs.getBoolean("enabled"),
                rs.getString("changed_by"),
                rs.getTimestamp("changed_at").toInstant());
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }
}
