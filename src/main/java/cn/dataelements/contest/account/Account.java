package cn.dataelements.contest.account;

import java.time.Instant;
import java.util.Set;

/**
 * A person who signs in. A row of the database's {@code accounts}, never in Elasticsearch.
 *
 * @param username the sign-in name: lower-case letters, digits, dot, dash and underscore
 * @param displayName the person's name
 * @param passwordHash the bcrypt hash ({@code {bcrypt}...}); never the password
 * @param roles what the account may do
 * @param unit the person's unit (单位), checked against entries' units for conflicts of interest
 * @param creditCode the unit's unified social credit code, or empty
 * @param phone the person's phone
 * @param email the person's e-mail
 * @param enabled false once an admin disabled it
 * @param changedBy who wrote this state of the account
 * @param changedAt when
 */
public record Account(
        String username,
        String displayName,
        String passwordHash,
        Set<Role> roles,
        String unit,
        String creditCode,
        String phone,
        String email,
        boolean enabled,
        String changedBy,
        Instant changedAt) {

    public Account {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        displayName = displayName == null ? "" : displayName;
        unit = unit == null ? "" : unit;
        creditCode = creditCode == null ? "" : creditCode;
        phone = phone == null ? "" : phone;
        email = email == null ? "" : email;
    }

    /** What the account pages and the API show: everything but the hash. */
    public record View(
            String username,
            String displayName,
            Set<Role> roles,
            String unit,
            String creditCode,
            String phone,
            String email,
            boolean enabled,
            boolean locked,
            String changedBy,
            Instant changedAt) {}

    public View view(boolean locked) {
        return new View(
                username, displayName, roles, unit, creditCode, phone, email, enabled, locked, changedBy, changedAt);
    }

    @Override
    public String toString() {
        return "Account[" + username + ", roles=" + roles + ", enabled=" + enabled + "]";
    }
}
