package cn.dataelements.contest.bench;

import cn.dataelements.contest.support.DocxText;
import cn.dataelements.contest.support.RawMail;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The benchmark's entries, as teams send them: each a mail from its own sender with 3-5 files, every file different
 * (so nothing is reused from an earlier extraction): the application form (one of the generated form layouts, its work
 * title made unique, 5-30 pages), one or two proof PDFs of 0.5-5 MB (a scanned page: text and a large image), and
 * smaller materials (a data-resource spreadsheet, a case PDF), which one entry in ten sends as a zip. The files are
 * made once per (entries, seed) under {@code target/benchmark-workload} and kept for later runs.
 */
final class Workload {

    private static final Path FORMS = Path.of("src/test/resources/forms");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path PROOF = Path.of("src/test/resources/extraction/chinese-text.pdf");
    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final int CHARS_PER_PAGE = 600;
    private static final String[] SENTENCES = {
        "本作品依托威海市公共数据开放平台的海洋、气象与交通数据，构建面向渔业生产的数据服务。",
        "平台汇聚船舶定位、港口作业、水产品交易等多源数据，经清洗、脱敏与融合后形成标准化数据集。",
        "通过数据要素的流通与复用，为养殖户提供风险预警、产量预测和金融授信支持。",
        "项目已在荣成、文登等地开展试点应用，服务企业一百二十余家，带动产值提升约百分之十五。",
        "数据安全方面，采用分级分类管理、隐私计算与访问审计，确保数据合规使用。",
        "团队由数据工程、算法研究与行业专家组成，具备持续运营与迭代能力。",
        "下一步计划接入更多行业数据，拓展至冷链物流、文旅服务等场景，形成可复制的推广模式。",
        "模型采用梯度提升树与时空图神经网络相结合的方法，对关键指标进行多尺度预测。",
    };

    /** A mail to send, and the Message-ID the ledger and the index will know it by. */
    record Mail(String messageId, byte[] bytes) {}

    /** One file of an entry's mail. */
    record Attachment(String name, String contentType, Path file) {}

    /** One team's submission. */
    record Entry(int index, String title, String sender, List<Attachment> files) {

        Mail mail() throws IOException {
            RawMail mail = new RawMail("数据要素大赛参赛作品-" + title).from(sender);
            for (Attachment a : files) {
                mail.attach(a.name(), a.contentType(), Files.readAllBytes(a.file()));
            }
            return new Mail(mail.messageId(), mail.bytes());
        }
    }

    /** A sample form: its title, and its people's phones and e-mail addresses as written in it. */
    private record Template(String title, List<String> phones, List<String> emails, byte[] docx) {

        /** The form of entry {@code i}: its own title and people, as 1,200 real teams have (no one in two teams). */
        byte[] form(int i, String newTitle) {
            return DocxText.editBody(docx, body -> {
                String edited = body.replace(title, newTitle);
                for (String phone : phones) {
                    edited = edited.replace(phone, phoneOf(phone, i));
                }
                for (String email : emails) {
                    edited = edited.replace(email, email.replace("@", "@e" + i + "."));
                }
                return edited;
            });
        }

        /** The phone with its 4th to 7th digits made of the entry's number, separators kept. */
        private static String phoneOf(String phone, int i) {
            String number = String.format("%04d", i % 10_000);
            StringBuilder out = new StringBuilder();
            int digit = 0;
            for (char c : phone.toCharArray()) {
                boolean replaced = Character.isDigit(c) && digit >= 3 && digit < 7;
                out.append(replaced ? number.charAt(digit - 3) : c);
                digit += Character.isDigit(c) ? 1 : 0;
            }
            return out.toString();
        }
    }

    private final List<Entry> entries;
    private final Path dir;

    private Workload(Path dir, List<Entry> entries) {
        this.dir = dir;
        this.entries = entries;
    }

    List<Entry> entries() {
        return entries;
    }

    /**
     * Makes (or finds, when made before) {@code count} entries numbered from {@code first}.
     *
     * @param large false for the small single mails of the latency test: a 5-page form and one 0.5 MB proof
     */
    static Workload prepare(Path root, String name, int first, int count, long seed, boolean large) throws IOException {
        Path dir = root.resolve(name + "-" + first + "-" + count + "-" + seed + "-v2");
        List<Template> templates = templates();
        List<Entry> entries = new ArrayList<>();
        boolean made = Files.exists(dir.resolve("done"));
        for (int i = first; i < first + count; i++) {
            entries.add(entry(dir, templates, i, new Random(seed * 1_000_003L + i), large, made));
        }
        Files.writeString(dir.resolve("done"), "");
        return new Workload(dir, entries);
    }

    private static Entry entry(Path dir, List<Template> templates, int i, Random random, boolean large, boolean made)
            throws IOException {
        Template template = templates.get(i % templates.size());
        String title = template.title() + "（第" + i + "号）";
        Path files = Files.createDirectories(dir.resolve(Integer.toString(i)));
        List<Attachment> attachments = new ArrayList<>();
        int total = large ? 3 + random.nextInt(3) : 2;
        int proofs = large ? 1 + random.nextInt(2) : 1;
        int pages = large ? 5 + random.nextInt(26) : 5;
        Path form = files.resolve("作品申报书.docx");
        if (!made) {
            byte[] docx = template.form(i, title);
            Files.write(form, appendParagraphs(docx, filler(random, pages * CHARS_PER_PAGE)));
        }
        attachments.add(new Attachment(form.getFileName().toString(), DOCX, form));
        for (int p = 1; p <= proofs; p++) {
            Path proof = files.resolve("应用证明-" + p + ".pdf");
            int size = large ? 512 * 1024 + random.nextInt(4 * 1024 * 1024 + 512 * 1024) : 512 * 1024;
            if (!made) {
                Files.write(proof, proofPdf(random, size));
            }
            attachments.add(new Attachment(proof.getFileName().toString(), "application/pdf", proof));
        }
        List<Attachment> smaller = new ArrayList<>();
        int small = Math.max(total - 1 - proofs, i % 10 == 0 && large ? 2 : 0);
        for (int s = 0; s < small; s++) {
            String suffix = s < 2 ? "" : "-" + (s / 2 + 1);
            Path file = files.resolve(s % 2 == 0 ? "数据资源清单" + suffix + ".xlsx" : "应用案例说明" + suffix + ".pdf");
            if (!made) {
                Files.write(file, s % 2 == 0 ? spreadsheet(random, i) : proofPdf(random, 64 * 1024));
            }
            smaller.add(new Attachment(file.getFileName().toString(), s % 2 == 0 ? XLSX : "application/pdf", file));
        }
        if (i % 10 == 0 && large) {
            Path zip = files.resolve("补充材料.zip");
            if (!made) {
                Files.write(zip, zip(smaller));
            }
            attachments.add(new Attachment(zip.getFileName().toString(), "application/zip", zip));
        } else {
            attachments.addAll(smaller);
        }
        return new Entry(i, title, "team" + i + "@bench.example.cn", attachments);
    }

    /** Every file the intake parses: the attachments, with a zip's members in its place (written beside it). */
    List<Path> documents() throws IOException {
        List<Path> documents = new ArrayList<>();
        for (Entry entry : entries) {
            for (Attachment a : entry.files()) {
                if (!a.name().endsWith(".zip")) {
                    documents.add(a.file());
                    continue;
                }
                Path members = Files.createDirectories(a.file().resolveSibling("zip-members"));
                try (ZipInputStream in = new ZipInputStream(Files.newInputStream(a.file()))) {
                    for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                        Path member = members.resolve(e.getName());
                        Files.copy(in, member, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                        documents.add(member);
                    }
                }
            }
        }
        return documents;
    }

    /** Files, bytes and the count per type of the attachments as sent. */
    String totals() throws IOException {
        Map<String, long[]> byType = new TreeMap<>();
        long files = 0;
        long bytes = 0;
        for (Entry entry : entries) {
            for (Attachment a : entry.files()) {
                long size = Files.size(a.file());
                String type = a.name().substring(a.name().lastIndexOf('.') + 1);
                long[] t = byType.computeIfAbsent(type, k -> new long[2]);
                t[0]++;
                t[1] += size;
                files++;
                bytes += size;
            }
        }
        StringBuilder text =
                new StringBuilder(String.format("%d entries, %d files, %.0f MB (", entries.size(), files, bytes / 1e6));
        byType.forEach((type, t) -> text.append(String.format("%s %d / %.0f MB, ", type, t[0], t[1] / 1e6)));
        return text.substring(0, text.length() - 2) + ")";
    }

    Path dir() {
        return dir;
    }

    private static String filler(Random random, int chars) {
        StringBuilder text = new StringBuilder();
        while (text.length() < chars) {
            text.append(SENTENCES[random.nextInt(SENTENCES.length)]);
        }
        return text.toString();
    }

    /** The docx with paragraphs of this text added at the end of its body, one per 200 characters. */
    private static byte[] appendParagraphs(byte[] docx, String text) {
        StringBuilder paragraphs = new StringBuilder();
        for (int i = 0; i < text.length(); i += 200) {
            paragraphs
                    .append("<w:p><w:r><w:t xml:space=\"preserve\">")
                    .append(text, i, Math.min(text.length(), i + 200))
                    .append("</w:t></w:r></w:p>");
        }
        return DocxText.editBody(docx, body -> {
            // before the body's own section properties, its last child; else before the body ends
            int end = body.lastIndexOf("</w:body>");
            int at = body.lastIndexOf("<w:sectPr", end);
            if (at < 0 || body.lastIndexOf("</w:p>", end) > at) {
                at = end;
            }
            return body.substring(0, at) + paragraphs + body.substring(at);
        });
    }

    /** The Chinese proof page with a scanned image of about {@code bytes} (noise does not compress). */
    private static byte[] proofPdf(Random random, int bytes) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(PROOF))) {
            int side = (int) Math.max(16, Math.sqrt(bytes / 3.0));
            BufferedImage scan = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    scan.setRGB(x, y, random.nextInt(0x1000000));
                }
            }
            PDImageXObject image = LosslessFactory.createFromImage(pdf, scan);
            PDPage page = new PDPage(PDRectangle.A4);
            pdf.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                content.drawImage(image, 36, 36, PDRectangle.A4.getWidth() - 72, PDRectangle.A4.getHeight() - 72);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] spreadsheet(Random random, int entry) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            XSSFSheet sheet = book.createSheet("数据资源清单");
            String[] head = {"序号", "数据资源名称", "提供单位", "更新频率", "记录数"};
            XSSFRow first = sheet.createRow(0);
            for (int c = 0; c < head.length; c++) {
                first.createCell(c).setCellValue(head[c]);
            }
            int rows = 50 + random.nextInt(450);
            for (int r = 1; r <= rows; r++) {
                XSSFRow row = sheet.createRow(r);
                row.createCell(0).setCellValue(r);
                row.createCell(1).setCellValue("海洋渔业数据集-" + entry + "-" + r);
                row.createCell(2).setCellValue("威海市大数据中心");
                row.createCell(3).setCellValue(random.nextBoolean() ? "每日" : "每月");
                row.createCell(4).setCellValue(random.nextInt(1_000_000));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] zip(List<Attachment> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, java.nio.charset.StandardCharsets.UTF_8)) {
            for (Attachment a : files) {
                zip.putNextEntry(new ZipEntry(a.name()));
                zip.write(Files.readAllBytes(a.file()));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static List<Template> templates() throws IOException {
        try (Stream<Path> files = Files.list(FORMS)) {
            List<Template> templates = new ArrayList<>();
            for (Path docx :
                    files.filter(f -> f.toString().endsWith(".docx")).sorted().toList()) {
                JsonNode expected = JSON.readTree(docx.resolveSibling(docx.getFileName() + ".expected.json")
                        .toFile());
                String title = expected.path("workTitle").asText();
                List<String> phones = new ArrayList<>();
                List<String> emails = new ArrayList<>();
                expected.path("representatives").forEach(person -> {
                    phones.add(person.path("phone").asText());
                    emails.add(person.path("email").asText());
                });
                phones.removeIf(String::isEmpty);
                emails.removeIf(String::isEmpty);
                byte[] bytes = Files.readAllBytes(docx);
                String body = DocxText.body(bytes);
                if (!title.isEmpty()
                        && body.contains(title)
                        && phones.stream().allMatch(body::contains)
                        && emails.stream().allMatch(body::contains)) {
                    templates.add(new Template(title, phones, emails, bytes));
                }
            }
            return templates;
        }
    }

    /** Writes a file of this many random bytes without holding it in memory. */
    static void randomFile(Path file, long bytes, Random random) throws IOException {
        byte[] chunk = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = bytes; left > 0; left -= chunk.length) {
                random.nextBytes(chunk);
                out.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
        }
    }
}
