package cn.dataelements.contest.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dataelements.contest.IntakeIT;
import cn.dataelements.contest.account.AccountStore;
import cn.dataelements.contest.entry.Entry;
import cn.dataelements.contest.entry.Material;
import cn.dataelements.contest.search.EntrySearch;
import cn.dataelements.contest.support.DocxText;
import cn.dataelements.contest.support.IndexedSubmissions;
import cn.dataelements.contest.support.OfdFiles;
import cn.dataelements.contest.support.RawMail;
import cn.dataelements.contest.web.PageSession;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A mail with an OFD proof, stamped with an electronic seal: its text is found by search, and the entry's file list
 * says the file carries a seal.
 */
@IntakeIT
class OfdIntakeIT {

    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @Autowired
    ElasticsearchClient client;

    @Autowired
    EntrySearch search;

    @Autowired
    AccountStore accounts;

    @LocalServerPort
    int port;

    @Test
    void aSealedOfdProofIsFoundByItsTextAndItsSealIsShown() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String word = "鲸鲨鳐鲷";
        String proofText = "应用案例证明：" + word + "海洋牧场数据平台已在荣成市三家养殖企业上线运行。";
        byte[] proof = OfdFiles.sealed(OfdFiles.write(List.of(proofText), false));
        byte[] form = Files.readAllBytes(Path.of("src/test/resources/forms/01-headings-chinese-numerals.docx"));
        String title = "轮胎质量数据平台" + tag;
        Entry entry = new IndexedSubmissions(client)
                .deliverAndAwaitEntry(new RawMail("工业制造-威海海悦橡胶科技有限公司-" + title)
                        .attach("作品申报书.docx", DOCX, DocxText.replace(form, "轮胎智能工厂质量数据分析平台", title))
                        .attach("应用案例证明.ofd", "application/ofd", proof));

        Material ofd = entry.materials().stream()
                .filter(m -> m.name().equals("应用案例证明.ofd"))
                .findFirst()
                .orElseThrow();
        assertThat(ofd.signatures()).as("the seal, kept with the file").isEqualTo(1);
        Awaitility.await("the OFD's text found by search")
                .atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(search.search(
                                        new EntrySearch.Request(word + "海洋牧场", Map.of(), null, null, null, null, 5))
                                .hits())
                        .extracting(EntrySearch.EntryHit::id)
                        .contains(entry.id()));

        String page = PageSession.newOrganizer(accounts, "http://127.0.0.1:" + port)
                .get("/entries/" + entry.id())
                .text();
        assertThat(page).contains("应用案例证明.ofd").contains("含电子签章或数字签名（1 处）");
    }
}
