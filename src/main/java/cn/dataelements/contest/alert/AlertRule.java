package cn.dataelements.contest.alert;

import java.time.Instant;
import java.util.List;

/** A condition worth telling the organizers: each evaluation answers what holds now. */
public interface AlertRule {

    /**
     * A condition that holds.
     *
     * @param key what it is about, stable while it lasts (e.g. {@code route:mailbox}): one incident per key
     * @param title a short line in Chinese
     * @param detail what a person needs to act, in Chinese
     */
    record Condition(String key, String title, String detail) {}

    List<Condition> evaluate(Instant now);
}
