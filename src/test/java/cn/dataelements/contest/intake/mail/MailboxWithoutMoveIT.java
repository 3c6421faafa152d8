package cn.dataelements.contest.intake.mail;

import static org.awaitility.Awaitility.await;

import cn.dataelements.contest.IntakeIT;
import cn.dataelements.contest.support.AppProcess;
import cn.dataelements.contest.support.IndexedSubmissions;
import cn.dataelements.contest.support.RawMail;
import cn.dataelements.contest.support.TcpProxy;
import cn.dataelements.contest.support.TestMailServer;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * A mail server without IMAP MOVE (RFC 6851), as many providers are: the poll's mails are copied to Processed and
 * flagged deleted instead, and the inbox empties. GreenMail has MOVE; the proxy in front of it hides it.
 */
@IntakeIT
class MailboxWithoutMoveIT {

    private static final String ACCOUNT = "nomove@contest.local";

    @Autowired
    ElasticsearchClient client;

    @Value("${spring.elasticsearch.uris}")
    String elasticsearch;

    @Test
    void thePollsMailsAreCopiedAndFlaggedWhenTheServerHasNoMove() throws Exception {
        TestMailServer.account(ACCOUNT);
        List<RawMail> mails = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            RawMail mail = new RawMail("科技创新-无MOVE服务器-作品" + i).from("nomove" + i + "@example.cn");
            mails.add(mail);
            TestMailServer.deliver(ACCOUNT, mail.bytes());
        }
        try (TcpProxy noMove = new TcpProxy(TestMailServer.imapPort())) {
            noMove.hideCapability("MOVE");
            try (AppProcess app = AppProcess.polling(
                            "nomove-app", ACCOUNT, elasticsearch, Map.of("intake.mail.port", noMove.port()))
                    .start()) {
                IndexedSubmissions index = new IndexedSubmissions(client);
                for (RawMail mail : mails) {
                    index.awaitSubmission(mail.messageId());
                    await("mail " + mail.messageId() + " in Processed only")
                            .atMost(Duration.ofSeconds(60))
                            .until(
                                    () -> TestMailServer.foldersHolding(ACCOUNT, mail.messageId()),
                                    folders -> folders.equals(List.of("Processed")));
                }
            }
        }
    }
}
