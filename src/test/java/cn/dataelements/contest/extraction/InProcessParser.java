package cn.dataelements.contest.extraction;

import cn.dataelements.contest.extraction.ChildProtocol.Request;
import java.nio.file.Path;

/**
 * The extraction child's parser (Tika's AutoDetectParser with the child's handler, limits and settings), run in this
 * JVM: what the benchmark calls bare Tika, the upper bound for the intake's extraction.
 */
public final class InProcessParser {

    private final ChildParser parser = new ChildParser();
    private final int maxTextChars;

    public InProcessParser(int maxTextChars) {
        OoxmlSafety.apply();
        this.maxTextChars = maxTextChars;
    }

    /** Parses one file as the child would; empty when its text could be read, else the status and why not. */
    public String parse(Path file, String displayName) {
        ChildReply reply = parser.parse(new Request(file.toAbsolutePath().toString(), displayName, maxTextChars));
        return reply.status() == ChildReply.Status.OK ? "" : reply.status() + ": " + reply.detail();
    }
}
