package cn.dataelements.contest.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dataelements.contest.IntakeIT;
import cn.dataelements.contest.account.AccountStore;
import cn.dataelements.contest.entry.Entry;
import cn.dataelements.contest.search.EntrySearch;
import cn.dataelements.contest.support.DocxText;
import cn.dataelements.contest.support.IndexedSubmissions;
import cn.dataelements.contest.support.RawMail;
import cn.dataelements.contest.support.ScanImages;
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
 * A mail with a scanned licence (PNG), a proof photographed sideways (JPEG with EXIF orientation) and a scanned
 * statement (an image-only PDF): the entry is searchable at once by its form, and each scan is found by its OCR text
 * once the OCR phase has read it; 作品 says which files OCR read.
 */
@IntakeIT
class OcrIntakeIT {

    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @Autowired
    ElasticsearchClient client;

    @Autowired
    EntrySearch search;

    @Autowired
    AccountStore accounts;

    @Autowired
    OcrTexts ocr;

    @LocalServerPort
    int port;

    @Test
    void scansArePutInTheQueueAndFoundByTheirOcrText() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String title = "橡胶轮胎检测平台" + tag;
        byte[] form = Files.readAllBytes(Path.of("src/test/resources/forms/01-headings-chinese-numerals.docx"));
        Entry entry = new IndexedSubmissions(client)
                .deliverAndAwaitEntry(new RawMail("工业制造-威海海悦橡胶科技有限公司-" + title)
                        .attach("作品申报书.docx", DOCX, DocxText.replace(form, "轮胎智能工厂质量数据分析平台", title))
                        .attach("营业执照.png", "image/png", ScanImages.png(List.of("营业执照", "名称：威海鲸鲨数据科技有限公司")))
                        .attach("案例证明.jpg", "image/jpeg", ScanImages.turnedJpeg(List.of("应用案例证明", "荣成市鳐鲷养殖合作社")))
                        .attach(
                                "责任声明.pdf",
                                "application/pdf",
                                ScanImages.scannedPdf(List.of("申报主体责任声明", "本单位承诺所交材料真实有效"))));
        Awaitility.await("searchable by its form, before OCR")
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(search.search(request(title)).hits())
                        .extracting(EntrySearch.EntryHit::id)
                        .contains(entry.id()));

        for (String ocrWord : List.of("威海鲸鲨数据科技有限公司", "鳐鲷养殖合作社", "承诺所交材料真实有效")) {
            Awaitility.await("'" + ocrWord + "' found through OCR")
                    .atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(
                            () -> assertThat(search.search(request(ocrWord)).hits())
                                    .extracting(EntrySearch.EntryHit::id)
                                    .contains(entry.id()));
        }

        String page = PageSession.newOrganizer(accounts, "http://127.0.0.1:" + port)
                .get("/entries/" + entry.id())
                .text();
        assertThat(page.split("已识别（OCR）", -1))
                .as("each of the three scans marked read by OCR")
                .hasSize(4);
    }

    private static EntrySearch.Request request(String words) {
        return new EntrySearch.Request(words, Map.of(), null, null, null, null, 10);
    }
}
