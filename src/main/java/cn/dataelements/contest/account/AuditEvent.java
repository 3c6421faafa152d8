package cn.dataelements.contest.account;

import java.time.Instant;

/**
 * One line of the audit log.
 *
 * @param at when
 * @param who the account that did it, or the name tried at a failed sign-in
 * @param action what was done, e.g. {@code entry.view}, {@code search.export}, {@code decision}, {@code account.save}
 * @param target what it was done to (an entry id, a user name, a route), or empty
 * @param detail what else tells the story (the search, the verdict), or empty
 */
public record AuditEvent(Instant at, String who, String action, String target, String detail) {}
