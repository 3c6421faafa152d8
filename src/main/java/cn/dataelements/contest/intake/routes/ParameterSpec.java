package cn.dataelements.contest.intake.routes;

import java.util.regex.Pattern;

/**
 * One parameter of an intake route template, as a route file may set it.
 *
 * @param name the name a route file gives
 * @param description what it is, shown in errors and in {@code GET /api/admin/routes/templates}
 * @param defaultValue the value when the file does not set it, or null when the file must
 * @param example a valid value, shown when a value is refused
 * @param pattern what a value must match whole; it is placed in an endpoint URI only after it did
 * @param secret a password or token: never a literal in the file, never shown
 */
public record ParameterSpec(
        String name, String description, String defaultValue, String example, Pattern pattern, boolean secret) {

    /** A host name or an IPv4 address: letters, digits and hyphens between dots, nothing an endpoint URI reads. */
    public static final String HOST = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}))*";

    /** An http(s) address without query, fragment or login: what a route may be told to fetch from. */
    public static final String HTTP_URL = "https?://" + HOST + "(?::[0-9]{1,5})?(?:/[A-Za-z0-9._~%-]+)*/?";

    /** A parameter whose value must match {@code regex}. */
    public static ParameterSpec of(String name, String defaultValue, String example, String regex, String description) {
        return new ParameterSpec(name, description, defaultValue, example, Pattern.compile(regex), false);
    }

    /** A secret parameter: any value, from the environment or the route's secrets file only. */
    public static ParameterSpec secret(String name, String description) {
        return new ParameterSpec(
                name, description, null, "{{env:INTAKE_ROUTE_MAILBOX2_PASSWORD}}", Pattern.compile("(?s).+"), true);
    }

    /** A secret the route may go without (a portal that needs no login): empty unless given. */
    public static ParameterSpec optionalSecret(String name, String description) {
        return new ParameterSpec(
                name, description, "", "{{env:INTAKE_ROUTE_PORTAL2_TOKEN}}", Pattern.compile("(?s).*"), true);
    }

    boolean required() {
        return defaultValue == null;
    }
}
