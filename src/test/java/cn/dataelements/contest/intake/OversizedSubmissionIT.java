package cn.dataelements.contest.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dataelements.contest.IntakeIT;
import cn.dataelements.contest.support.IndexedSubmissions;
import cn.dataelements.contest.support.RawMail;
import cn.dataelements.contest.support.TestMailServer;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A submission whose texts make a document larger than the node takes (the test node refuses requests over 8 MB,
 * HTTP 413): it is indexed all the same, without its largest text, with a problem that names that file; it is not
 * retried forever as if the node were down, nor quarantined.
 */
@IntakeIT
class OversizedSubmissionIT {

    @Autowired
    ElasticsearchClient client;

    @Test
    void aSubmissionTooLargeForTheIndexLosesItsLargestTextAndSaysWhich() throws Exception {
        RawMail mail = new RawMail("科技创新-超大文本测试-作品")
                .attach("数据字典.txt", "text/plain; charset=UTF-8", text('数', 1_600_000))
                .attach("接口说明.txt", "text/plain; charset=UTF-8", text('据', 1_400_000));
        TestMailServer.deliver(mail.bytes());

        Map<String, Object> submission = new IndexedSubmissions(client).awaitSubmission(mail.messageId());

        List<Map<String, Object>> files = list(submission, "files");
        assertThat(files).extracting(f -> f.get("name")).containsExactly("数据字典.txt", "接口说明.txt");
        assertThat(files.get(0).get("text").toString()).isEmpty();
        assertThat(files.get(1).get("text").toString()).hasSizeGreaterThan(1_000_000);
        assertThat(list(submission, "problems"))
                .filteredOn(p -> "FILE_TEXT_NOT_INDEXED".equals(p.get("code")))
                .singleElement()
                .satisfies(p -> assertThat(p.get("location")).isEqualTo("数据字典.txt"))
                .satisfies(p -> assertThat(p.get("messageZh").toString()).contains("数据字典.txt"));
    }

    private static byte[] text(char character, int length) {
        return String.valueOf(character).repeat(length).getBytes(StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> submission, String field) {
        return (List<Map<String, Object>>) submission.get(field);
    }
}
