package cn.dataelements.contest.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dataelements.contest.entry.MaterialKind;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaterialClassifierTest {

    private static MaterialClassifier classifier;

    @BeforeAll
    static void load() {
        classifier = CatalogLoader.load(Path.of("mappings")).materials();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "作品申报书.docx | APPLICATION_FORM",
                "附件3：作品申报模板（威海某某公司）.doc | APPLICATION_FORM",
                "附件1-营业执照.pdf | PROOF_QUALIFICATION",
                "高新技术企业证书.jpg | PROOF_QUALIFICATION",
                "申报主体责任声明.pdf | PROOF_RESPONSIBILITY_STATEMENT",
                "诚信承诺书（盖章）.pdf | PROOF_RESPONSIBILITY_STATEMENT",
                "2023年度审计报告.pdf | PROOF_FINANCIAL_AUDIT",
                "相关证明材料/软件著作权登记证书.pdf | PROOF_INTELLECTUAL_PROPERTY",
                "发明专利-一种海参养殖水质监测方法.pdf | PROOF_INTELLECTUAL_PROPERTY",
                "应用案例-某市农业农村局用户证明.pdf | PROOF_APPLICATION_CASE",
                "技术服务合同.pdf | PROOF_APPLICATION_CASE",
                "路演PPT.pptx | SLIDES",
                "作品介绍.ppt | SLIDES",
                "演示视频.mp4 | VIDEO",
                "系统操作录屏.MOV | VIDEO",
                "参赛作品登记表.xlsx | REGISTRATION_SHEET",
                "用数情况说明.pdf | DATA_USE_STATEMENT",
                "作品方案介绍.pdf | SOLUTION_INTRODUCTION",
                "数据集样例.csv | OTHER",
                "模型说明文档.docx | OTHER",
                "作品材料.zip | ARCHIVE",
                "证明材料.RAR | ARCHIVE",
                "申报书.7z | ARCHIVE",
            })
    void classifiesByFileName(String path, MaterialKind kind) {
        assertThat(classifier.classify(path, null)).isEqualTo(kind);
    }

    @Test
    void fullWidthAndTraditionalNamesAreTheSame() {
        assertThat(classifier.classify("路演ＰＰＴ．ＰＰＴＸ", null)).isEqualTo(MaterialKind.SLIDES);
        assertThat(classifier.classify("營業執照.pdf", null)).isEqualTo(MaterialKind.PROOF_QUALIFICATION);
        assertThat(classifier.classify("軟體著作權登記證書.pdf", null)).isEqualTo(MaterialKind.PROOF_INTELLECTUAL_PROPERTY);
    }

    @Test
    void theNearestTellingFolderDecidesWhenTheNameSaysNothing() {
        assertThat(classifier.classify("作品申报材料.zip/资质文件/001.pdf", null)).isEqualTo(MaterialKind.PROOF_QUALIFICATION);
        assertThat(classifier.classify("作品申报材料.zip\\知识产权\\scan-03.jpg", null))
                .isEqualTo(MaterialKind.PROOF_INTELLECTUAL_PROPERTY);
        assertThat(classifier.classify("材料.zip/附件/001.pdf", null)).isEqualTo(MaterialKind.OTHER);
    }

    @Test
    void theStartOfTheTextDecidesWhenNameAndFoldersSayNothing() {
        assertThat(classifier.classify("附件2.pdf", "2024年“数据要素×”大赛山东分赛威海市选拔赛\n作品申报书\n作品名称："))
                .isEqualTo(MaterialKind.APPLICATION_FORM);
        assertThat(classifier.classify("scan0001.pdf", "营业执照\n（副本）\n统一社会信用代码 91371000MA3XXXXXXX"))
                .isEqualTo(MaterialKind.PROOF_QUALIFICATION);
        assertThat(classifier.classify("附件.docx", "版权声明：本文档……")).isEqualTo(MaterialKind.OTHER);
    }

    @Test
    void textBeyondTheWindowIsNotLookedAt() {
        String late = "说明".repeat(200) + "作品申报书";

        assertThat(classifier.classify("附件2.pdf", late)).isEqualTo(MaterialKind.OTHER);
    }

    @Test
    void theNameWinsOverTheText() {
        assertThat(classifier.classify("营业执照.pdf", "作品申报书")).isEqualTo(MaterialKind.PROOF_QUALIFICATION);
    }
}
