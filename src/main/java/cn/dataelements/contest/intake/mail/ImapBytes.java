package cn.dataelements.contest.intake.mail;

import jakarta.mail.Message;
import java.io.OutputStream;
import java.util.Arrays;
import org.eclipse.angus.mail.iap.ByteArray;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;
import org.eclipse.angus.mail.imap.protocol.UID;

/**
 * A mail's raw bytes as the IMAP server has them, fetched by UID in pieces of a given size. Jakarta Mail's own stream
 * reads a server's {@code NO} to a piece as the end of the mail, so a mail the server cannot give would be archived
 * empty or cut off as if whole; here a refused piece, or an answer without the mail's content, is a failure of this
 * mail. Each piece is one command on the folder's connection, so the workers of a poll take turns on it.
 */
final class ImapBytes {

    private record Piece(byte[] bytes, boolean whole) {}

    private ImapBytes() {}

    /** Writes the mail's raw bytes; a mail not in an IMAP folder is written as Jakarta Mail has it. */
    static void copy(Message mail, int pieceSize, OutputStream out) throws Exception {
        if (!(mail.getFolder() instanceof IMAPFolder folder)) {
            mail.writeTo(out);
            return;
        }
        long uid = folder.getUID(mail);
        for (long start = 0; ; ) {
            long from = start;
            Piece piece = (Piece) folder.doCommand(protocol -> piece(protocol, uid, from, pieceSize));
            out.write(piece.bytes());
            start += piece.bytes().length;
            if (piece.whole() || piece.bytes().length < pieceSize) {
                return;
            }
        }
    }

    private static Piece piece(IMAPProtocol protocol, long uid, long start, int size) throws ProtocolException {
        Response[] answers = protocol.command("UID FETCH " + uid + " (BODY.PEEK[]<" + start + "." + size + ">)", null);
        protocol.notifyResponseHandlers(answers);
        protocol.handleResult(answers[answers.length - 1]);
        for (Response answer : answers) {
            if (answer instanceof FetchResponse fetch && fetch.getItem(BODY.class) != null) {
                UID id = fetch.getItem(UID.class);
                if (id != null && id.uid != uid) {
                    continue;
                }
                BODY body = fetch.getItem(BODY.class);
                ByteArray bytes = body.getByteArray();
                if (bytes == null) {
                    throw new ProtocolException("The server gave no content for the mail of UID " + uid);
                }
                byte[] piece =
                        Arrays.copyOfRange(bytes.getBytes(), bytes.getStart(), bytes.getStart() + bytes.getCount());
                // some servers send the whole mail without an origin whatever piece was asked for
                return new Piece(piece, body.getOrigin() < 0 && start == 0 && piece.length > size);
            }
        }
        throw new ProtocolException("The server answered without the content of the mail of UID " + uid);
    }
}
