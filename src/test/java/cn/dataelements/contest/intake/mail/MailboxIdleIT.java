package cn.dataelements.contest.intake.mail;

import cn.dataelements.contest.IntakeIT;
import cn.dataelements.contest.support.AppProcess;
import cn.dataelements.contest.support.IndexedSubmissions;
import cn.dataelements.contest.support.RawMail;
import cn.dataelements.contest.support.TestMailServer;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Push, not poll: with the route's next poll ten minutes away, mails sent by SMTP one after another are each taken
 * within seconds, because IMAP IDLE tells the route that they arrived. Without IDLE each would wait ten minutes, past
 * the minute this test waits.
 */
@IntakeIT
class MailboxIdleIT {

    private static final String ACCOUNT = "idle@contest.local";

    @Autowired
    ElasticsearchClient client;

    @Value("${spring.elasticsearch.uris}")
    String elasticsearch;

    @Test
    void mailsSentBetweenPollsAreTakenAtOnce() throws Exception {
        TestMailServer.account(ACCOUNT);
        IndexedSubmissions index = new IndexedSubmissions(client);
        try (AppProcess app = AppProcess.polling(
                        "idle-app", ACCOUNT, elasticsearch, Map.of("intake.mail.poll-delay", 600_000))
                .start()) {
            for (int i = 1; i <= 3; i++) {
                RawMail mail = new RawMail("科技创新-推送测试-作品" + i);
                TestMailServer.send(ACCOUNT, mail.bytes());
                index.awaitSubmission(mail.messageId());
            }
        }
    }
}
