package cn.dataelements.contest.extraction;

import cn.dataelements.contest.extraction.ChildProtocol.ChildRequest;
import cn.dataelements.contest.extraction.ChildProtocol.Request;
import cn.dataelements.contest.extraction.ChildProtocol.TnefRequest;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;

/**
 * Entry point of the child JVM that {@link ForkedTikaExtractor} starts: answers one {@link ChildProtocol} request at a
 * time on stdin/stdout until stdin closes (parse a document, or unpack a winmail.dat). Runs with its own small heap and {@code -XX:+ExitOnOutOfMemoryError}, so a
 * document that exhausts memory ends this process, not the application.
 */
public final class ExtractionChildMain {

    private ExtractionChildMain() {}

    public static void main(String[] args) throws IOException {
        // stdout carries the protocol: anything a library prints must go to stderr, so take stdout away first.
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
        System.setOut(System.err);
        DataInputStream in = new DataInputStream(new BufferedInputStream(System.in));
        ChildParser parser = new ChildParser();
        out.writeInt(ChildProtocol.READY);
        out.flush();
        for (ChildRequest request = ChildProtocol.readRequest(in);
                request != null;
                request = ChildProtocol.readRequest(in)) {
            if (request instanceof Request document) {
                ChildProtocol.writeReply(out, parser.parse(document));
            } else if (request instanceof TnefRequest tnef) {
                ChildProtocol.writeTnefReply(out, TnefUnpacker.unpack(tnef));
            }
        }
    }
}
