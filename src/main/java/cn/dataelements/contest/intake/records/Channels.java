package cn.dataelements.contest.intake.records;

/** The structured channels' names, as archived submissions and the track catalog give them. */
public final class Channels {

    public static final String PORTAL = "portal";
    public static final String EXPORT = "export";

    private Channels() {}
}
