package cn.dataelements.contest.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dataelements.contest.IntakeIT;
import cn.dataelements.contest.extraction.ExtractedTextsProperties;
import cn.dataelements.contest.support.DocxText;
import cn.dataelements.contest.support.IndexedSubmissions;
import cn.dataelements.contest.support.RawMail;
import cn.dataelements.contest.support.TestMailServer;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A rebuild takes each file's text from what intake extracted and kept beside the archive, and extracts again only
 * when asked to. The kept text is altered here so the test can tell which one the rebuilt submission holds.
 */
@IntakeIT
class RebuildReuseIT {

    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    ElasticsearchClient client;

    @Autowired
    EntryRebuild rebuild;

    @Autowired
    ExtractedTextsProperties extracted;

    @Test
    void aRebuildReusesTheKeptTextAndExtractsAgainWhenAsked() throws Exception {
        String title = "海洋牧场数据智能平台-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] form = DocxText.replace(
                Files.readAllBytes(Path.of("src/test/resources/extraction/form-headings-and-table.docx")),
                "作品概述",
                "作品概述（" + title + "）");
        RawMail mail = new RawMail("现代农业-威海市某某科技有限公司-" + title)
                .from("reuse@example.cn")
                .attach("作品申报书.docx", DOCX, form);
        IndexedSubmissions index = new IndexedSubmissions(client);
        TestMailServer.deliver(mail.bytes());
        Map<String, Object> submission = index.awaitSubmission(mail.messageId());
        assertThat(fileText(submission)).contains(title);

        Path kept = keptFileOf(sha256Of(submission));
        String marker = "复用的文字-" + title;
        alterKeptText(kept, marker);

        assertThat(rebuild.rebuildAll(false, RebuildProgress.NONE).failures()).isEmpty();
        assertThat(fileText(rebuilt(index, mail))).isEqualTo(marker);

        assertThat(rebuild.rebuildAll(true, RebuildProgress.NONE).failures()).isEmpty();
        assertThat(fileText(rebuilt(index, mail))).contains(title).doesNotContain(marker);
        assertThat(keptText(kept)).contains(title).doesNotContain(marker);
    }

    private Map<String, Object> rebuilt(IndexedSubmissions index, RawMail mail) throws Exception {
        client.indices().refresh(r -> r.index("contest-submissions"));
        return index.find(mail.messageId()).orElseThrow();
    }

    private Path keptFileOf(String sha256) throws Exception {
        try (Stream<Path> files = Files.list(extracted.dir().resolve(sha256.substring(0, 2)))) {
            List<Path> kept = files.filter(f -> f.getFileName().toString().startsWith(sha256 + ".docx."))
                    .toList();
            assertThat(kept).as("the kept extraction of " + sha256).hasSize(1);
            return kept.get(0);
        }
    }

    private static void alterKeptText(Path kept, String text) throws Exception {
        ObjectNode stored;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(kept))) {
            stored = (ObjectNode) JSON.readTree(in);
        }
        ((ObjectNode) stored.get("extraction")).put("text", text);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(kept))) {
            JSON.writeValue(out, stored);
        }
    }

    private static String keptText(Path kept) throws Exception {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(kept))) {
            return JSON.readTree(in).at("/extraction/text").asText();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> onlyFile(Map<String, Object> submission) {
        List<Map<String, Object>> files = (List<Map<String, Object>>) submission.get("files");
        assertThat(files).hasSize(1);
        return files.get(0);
    }

    private static String fileText(Map<String, Object> submission) {
        return onlyFile(submission).get("text").toString();
    }

    private static String sha256Of(Map<String, Object> submission) {
        return onlyFile(submission).get("sha256").toString();
    }
}
