package cn.dataelements.contest.bench;

import cn.dataelements.contest.support.DocxText;
import cn.dataelements.contest.support.RawMail;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The mails a benchmark run sends: the generated application forms of src/test/resources/forms, each mail a team of
 * its own (the work title gets a run number, in the form and in the subject), from its own sender, with a proof PDF,
 * so every mail is a new submission and a new entry, as in the busy last days of a stage.
 */
final class BenchmarkMails {

    private static final Path FORMS = Path.of("src/test/resources/forms");
    private static final Path PROOF = Path.of("src/test/resources/extraction/chinese-text.pdf");
    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /** One mail to send and the Message-ID it will be known by in the ledger. */
    record Mail(String messageId, byte[] bytes) {}

    private BenchmarkMails() {}

    static List<Mail> make(int count, String run) throws IOException {
        List<Template> templates = templates();
        byte[] proof = Files.readAllBytes(PROOF);
        List<Mail> mails = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Template t = templates.get(i % templates.size());
            String title = t.title() + "（" + run + "-" + i + "）";
            RawMail mail = new RawMail("数据要素大赛参赛作品-" + title)
                    .from("team" + i + "@bench-" + run + ".example.cn")
                    .attach("作品申报书.docx", DOCX, DocxText.replace(t.docx(), t.title(), title))
                    .attach("应用案例证明.pdf", "application/pdf", proof);
            mails.add(new Mail(mail.messageId(), mail.bytes()));
        }
        return mails;
    }

    private record Template(String title, byte[] docx) {}

    private static List<Template> templates() throws IOException {
        try (Stream<Path> files = Files.list(FORMS)) {
            List<Template> templates = new ArrayList<>();
            for (Path docx :
                    files.filter(f -> f.toString().endsWith(".docx")).sorted().toList()) {
                String expected = Files.readString(docx.resolveSibling(docx.getFileName() + ".expected.json"));
                String title = expected.replaceAll("(?s).*\"workTitle\"\\s*:\\s*\"([^\"]*)\".*", "$1");
                byte[] bytes = Files.readAllBytes(docx);
                if (DocxText.body(bytes).contains(title)) {
                    templates.add(new Template(title, bytes));
                }
            }
            return templates;
        }
    }
}
