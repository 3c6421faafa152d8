package cn.dataelements.contest.account;

import cn.dataelements.contest.system.security.SecurityProperties;
import cn.dataelements.contest.system.storage.JsonLines;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The accounts, on disk as fsynced JSON lines (the latest line per user name wins, so every change is kept) and in
 * memory. The admin named by the environment ({@code intake.security}) is not in the file: it is made at every start
 * from the environment, with the roles admin, organizer and committee, and it cannot be changed or disabled in the app,
 * so the contest never loses its last admin.
 */
@Component
public class AccountStore {

    /** A user name: what the sign-in form and the audit log show. */
    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,39}");

    static final int MIN_PASSWORD = 12;

    private final Path file;
    private final ObjectMapper json;
    private final PasswordEncoder encoder;
    private final Account environmentAdmin;
    private final Map<String, Account> accounts = new LinkedHashMap<>();

    AccountStore(AccountProperties properties, SecurityProperties security, ObjectMapper json, PasswordEncoder encoder)
            throws IOException {
        this.file = properties.dir().toAbsolutePath().resolve("accounts.jsonl");
        this.json = json;
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
        for (Account account : JsonLines.readAll(file, json, Account.class)) {
            accounts.put(account.username(), account);
        }
    }

    /** An account by its user name, the environment's admin included. */
    public synchronized Optional<Account> find(String username) {
        if (environmentAdmin.username().equals(username)) {
            return Optional.of(environmentAdmin);
        }
        return Optional.ofNullable(accounts.get(username));
    }

    /** Every account, the environment's admin first, then by user name. */
    public synchronized List<Account> all() {
        List<Account> all = new java.util.ArrayList<>();
        all.add(environmentAdmin);
        accounts.values().stream()
                .sorted(Comparator.comparing(Account::username))
                .forEach(all::add);
        return all;
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
     * Creates or changes an account and returns it.
     *
     * @throws IllegalArgumentException with a message in Chinese for the admin when the change is not allowed
     */
    public synchronized Account save(Change change, String by) {
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
        Account before = accounts.get(username);
        String password = change.password() == null ? "" : change.password();
        String hash;
        if (password.isEmpty()) {
            if (before == null) {
                throw new IllegalArgumentException("新账号必须设置密码。");
            }
            hash = before.passwordHash();
        } else if (password.length() < MIN_PASSWORD) {
            throw new IllegalArgumentException("密码至少 " + MIN_PASSWORD + " 个字符。");
        } else {
            hash = encoder.encode(password);
        }
        Account account = new Account(
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
        try {
            JsonLines.append(file, json, account);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not record account " + username + " in " + file, e);
        }
        accounts.put(username, account);
        return account;
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }
}
