package cn.dataelements.contest.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dataelements.contest.submission.SubmissionDocument.FileDocument;
import org.junit.jupiter.api.Test;

/** Which files wait for OCR: those whose text is in their pictures. */
class OcrTextsTest {

    private static FileDocument file(String type, String text) {
        return new FileDocument("f", "f", type, 1, "0".repeat(64), text, true);
    }

    @Test
    void imagesAndScannedPdfsAndOfdsWaitForOcrTypedDocumentsDoNot() {
        assertThat(OcrTexts.needsOcr(file("image/jpeg", ""))).isTrue();
        assertThat(OcrTexts.needsOcr(file("image/png", ""))).isTrue();
        assertThat(OcrTexts.needsOcr(file("image/tiff", ""))).isTrue();
        assertThat(OcrTexts.needsOcr(file("application/pdf", "")))
                .as("a scanned PDF")
                .isTrue();
        assertThat(OcrTexts.needsOcr(file("application/ofd", " \n")))
                .as("a scanned OFD")
                .isTrue();
        assertThat(OcrTexts.needsOcr(file("application/pdf", "威海市大数据局关于开展数据要素大赛的通知，全文如下")))
                .isFalse();
        assertThat(OcrTexts.needsOcr(
                        file("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "")))
                .isFalse();
    }
}
