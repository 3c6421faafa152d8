package cn.dataelements.contest.system.process;

import java.util.List;
import java.util.Map;

/**
 * The environment of every process the app starts (the extraction child JVMs, bsdtar, the local Elasticsearch node):
 * nothing of the app's own environment (which holds its passwords: the mailbox's, the admin's, the SMTP server's) but
 * what a program needs to run, plus what the caller adds. {@code LC_ALL=C.UTF-8} stays: Java 17 takes its file-name
 * encoding from the locale, and bsdtar writes entry names in it.
 */
public final class ChildEnvironment {

    /** Passed on from the app's environment when set there: where programs are found, the time zone, scratch. */
    static final List<String> PASSED_ON = List.of("PATH", "TZ", "TMPDIR");

    static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private ChildEnvironment() {}

    /** Replaces the builder's environment with a clean one plus {@code extra}; returns the builder. */
    public static ProcessBuilder clean(ProcessBuilder builder, Map<String, String> extra) {
        Map<String, String> environment = builder.environment();
        environment.clear();
        for (String name : PASSED_ON) {
            String value = System.getenv(name);
            if (value != null) {
                environment.put(name, value);
            }
        }
        environment.putIfAbsent("PATH", DEFAULT_PATH);
        environment.put("LC_ALL", "C.UTF-8");
        environment.put("LANG", "C.UTF-8");
        environment.putAll(extra);
        return builder;
    }

    /** As {@link #clean(ProcessBuilder, Map)} with nothing added. */
    public static ProcessBuilder clean(ProcessBuilder builder) {
        return clean(builder, Map.of());
    }
}
