package cn.dataelements.contest.intake.records;

import cn.dataelements.contest.system.config.YamlProblems;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A source's mapping file, {@code mappings/<name>.mapping.yaml}: how a structured source names the fields of a
 * registration, so that a different real schema costs a mapping change, not code. A portal's mapping also says how its
 * listing pages and where a record's files are; an export's says which column joins a row to its files. Checked whole
 * when a route file names it: every problem is given with its key and what would be valid.
 *
 * @param name the mapping's name (the file name without {@code .mapping.yaml})
 * @param kind portal or export
 * @param listing a portal's listing, null for an export
 * @param fields the registration's fields
 * @param attachments where a portal's record lists its files, null for an export
 * @param sheet how an export's rows name their files, null for a portal
 * @param exam the columns of a 数字技能 score sheet, for an export of exam results instead of registrations; then
 *     {@code fields} and {@code sheet} are null
 * @param auth how a portal's gateway wants the route's login ({@link GatewayAuth#DEFAULT} when not said)
 */
public record SourceMapping(
        String name,
        String kind,
        Listing listing,
        FieldMapping fields,
        Attachments attachments,
        Sheet sheet,
        ExamColumns exam,
        GatewayAuth auth) {

    public static final String SUFFIX = ".mapping.yaml";
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9._~/%-]*");
    private static final Pattern PARAM = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern KEY = Pattern.compile("[^\\p{Cntrl}]{1,200}");

    /**
     * How a portal's listing of registrations is read: its path under the route's base URL, where the records are in
     * a page, how pages follow each other, and the parameter that asks for records changed since a time.
     */
    public record Listing(
            String path,
            String items,
            String paging,
            String pageParam,
            String sizeParam,
            Integer pageSize,
            Integer firstPage,
            String cursorParam,
            String nextCursor,
            String updatedSinceParam,
            String updatedSinceFormat,
            Integer overlapSeconds) {

        public boolean byCursor() {
            return "cursor".equals(paging);
        }

        public int size() {
            return pageSize == null ? 50 : pageSize;
        }

        public int first() {
            return firstPage == null ? 1 : firstPage;
        }

        public int overlap() {
            return overlapSeconds == null ? 300 : overlapSeconds;
        }

        /** How the updated-since time is written: a pattern in Beijing time, "iso" or "epoch-millis". */
        public String timeFormat() {
            return updatedSinceFormat == null ? "yyyy-MM-dd HH:mm:ss" : updatedSinceFormat;
        }
    }

    /** Where a portal's record lists its files: the list's key, and each item's link and name. */
    public record Attachments(String list, String url, String name) {}

    /**
     * How an export's row names its files: the column, and what separates several names in it; and, optionally, the
     * columns the platform's sheet has, which every field must then name one of.
     */
    public record Sheet(String filesColumn, String filesSeparator, List<String> columns) {

        public String separator() {
            return filesSeparator == null ? "[;；,，、\\r\\n]+" : Pattern.quote(filesSeparator);
        }
    }

    /**
     * The columns of a 数字技能 score sheet: each row one person's result. The ID is kept as given; {@code exam}
     * names the column saying which exam (else the route's), so a corrected sheet of the same exam replaces the
     * earlier one.
     */
    public record ExamColumns(String exam, String name, String unit, String idNumber, String score, String examTime) {

        /** The columns a sheet must have. */
        public List<String> columns() {
            return java.util.stream.Stream.of(exam, name, unit, idNumber, score, examTime)
                    .filter(Objects::nonNull)
                    .toList();
        }
    }

    /** The file as written, before its checks. */
    record File(
            String kind,
            String description,
            Listing listing,
            Map<String, Object> fields,
            Attachments attachments,
            Sheet sheet,
            ExamColumns exam,
            GatewayAuth auth) {}

    /** Where a mapping of this name lies. */
    public static Path file(Path dir, String name) {
        return dir.resolve(name + SUFFIX);
    }

    /** Reads and checks the mapping of a name; throws with every problem found. */
    public static SourceMapping load(Path dir, String name, String expectedKind) throws InvalidMappingException {
        Path path = file(dir, name);
        List<MappingProblem> problems = new ArrayList<>();
        if (!NAME.matcher(name).matches()) {
            problems.add(new MappingProblem(
                    "mapping", "映射名 " + name + " 无效：只能用小写字母、数字和 -", "mapping name " + name + " is not valid"));
            throw new InvalidMappingException(path, problems);
        }
        if (!Files.isRegularFile(path) || Files.isSymbolicLink(path)) {
            problems.add(new MappingProblem(
                    "file", "映射文件 " + path + " 不存在", "mapping file " + path + " does not exist (or is a link)"));
            throw new InvalidMappingException(path, problems);
        }
        File file;
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            file = YAML.readValue(reader, File.class);
        } catch (JsonProcessingException e) {
            problems.add(new MappingProblem("file", "映射文件有误：" + YamlProblems.describe(e), YamlProblems.describe(e)));
            throw new InvalidMappingException(path, problems);
        } catch (IOException e) {
            problems.add(new MappingProblem("file", "映射文件无法读取", "cannot be read: " + e.getMessage()));
            throw new InvalidMappingException(path, problems);
        }
        if (file == null) {
            problems.add(new MappingProblem("file", "映射文件为空", "the mapping file is empty"));
            throw new InvalidMappingException(path, problems);
        }
        if (!Objects.equals(file.kind(), expectedKind)) {
            problems.add(new MappingProblem(
                    "kind",
                    "kind 应为 " + expectedKind + "（这条路由的来源），文件写的是 " + file.kind(),
                    "kind must be " + expectedKind + " for this route, the file says " + file.kind()));
        }
        if (file.exam() != null) {
            return exam(path, name, expectedKind, file, problems);
        }
        FieldMapping fields = FieldMapping.of(
                file.fields(), "fields", "portal".equals(expectedKind) ? Set.of("id") : Set.of(), problems);
        if ("portal".equals(expectedKind)) {
            checkListing(file.listing(), problems);
            checkAttachments(file.attachments(), problems);
            GatewayAuth.check(file.auth(), problems);
            notFor(file.sheet(), "sheet", expectedKind, problems);
        } else {
            checkSheet(file.sheet(), fields, problems);
            notFor(file.listing(), "listing", expectedKind, problems);
            notFor(file.attachments(), "attachments", expectedKind, problems);
            notFor(file.auth(), "auth", expectedKind, problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidMappingException(path, problems);
        }
        return new SourceMapping(
                name,
                expectedKind,
                file.listing(),
                fields,
                file.attachments(),
                file.sheet(),
                null,
                file.auth() == null ? GatewayAuth.DEFAULT : file.auth());
    }

    /** A mapping of score sheets: an export's, with the exam's columns and nothing of a registration. */
    private static SourceMapping exam(
            Path path, String name, String expectedKind, File file, List<MappingProblem> problems)
            throws InvalidMappingException {
        ExamColumns exam = file.exam();
        if (!"export".equals(expectedKind)) {
            notFor(exam, "exam", expectedKind, problems);
        }
        notFor(file.fields(), "fields", "exam", problems);
        notFor(file.sheet(), "sheet", "exam", problems);
        notFor(file.listing(), "listing", "exam", problems);
        notFor(file.attachments(), "attachments", "exam", problems);
        notFor(file.auth(), "auth", "exam", problems);
        match(exam.name(), KEY, "exam.name", "姓名", true, problems);
        match(exam.score(), KEY, "exam.score", "成绩", true, problems);
        match(exam.unit(), KEY, "exam.unit", "工作单位", false, problems);
        match(exam.idNumber(), KEY, "exam.id-number", "身份证号", false, problems);
        match(exam.examTime(), KEY, "exam.exam-time", "考试时间", false, problems);
        match(exam.exam(), KEY, "exam.exam", "考试名称", false, problems);
        if (!problems.isEmpty()) {
            throw new InvalidMappingException(path, problems);
        }
        return new SourceMapping(name, expectedKind, null, null, null, null, exam, GatewayAuth.DEFAULT);
    }

    private static void checkListing(Listing listing, List<MappingProblem> problems) {
        if (listing == null) {
            problems.add(new MappingProblem(
                    "listing", "缺少 listing（门户报名列表的读取方式）", "listing (how the portal's list is read) is required"));
            return;
        }
        match(listing.path(), PATH, "listing.path", "/api/contest/registrations", true, problems);
        match(listing.items(), KEY, "listing.items", "data.records", true, problems);
        if (!"page".equals(listing.paging()) && !"cursor".equals(listing.paging())) {
            problems.add(new MappingProblem(
                    "listing.paging",
                    "listing.paging 只能是 page（页码）或 cursor（游标），这里是 " + listing.paging(),
                    "listing.paging is page or cursor, not " + listing.paging()));
        } else if (listing.byCursor()) {
            match(listing.cursorParam(), PARAM, "listing.cursor-param", "cursor", true, problems);
            match(listing.nextCursor(), KEY, "listing.next-cursor", "data.nextCursor", true, problems);
        } else {
            match(listing.pageParam(), PARAM, "listing.page-param", "page", true, problems);
            if (listing.first() < 0 || listing.first() > 1) {
                problems.add(new MappingProblem(
                        "listing.first-page", "listing.first-page 只能是 0 或 1", "listing.first-page is 0 or 1"));
            }
        }
        match(listing.sizeParam(), PARAM, "listing.size-param", "size", false, problems);
        match(listing.updatedSinceParam(), PARAM, "listing.updated-since-param", "updatedSince", false, problems);
        if (listing.size() < 1 || listing.size() > 1000) {
            problems.add(new MappingProblem(
                    "listing.page-size", "listing.page-size 应在 1 到 1000 之间", "listing.page-size is 1 to 1000"));
        }
        if (listing.overlap() < 0 || listing.overlap() > 86_400) {
            problems.add(new MappingProblem(
                    "listing.overlap-seconds",
                    "listing.overlap-seconds 应在 0 到 86400 之间",
                    "listing.overlap-seconds is 0 to 86400"));
        }
        String format = listing.timeFormat();
        if (!format.equals("iso") && !format.equals("epoch-millis")) {
            try {
                DateTimeFormatter.ofPattern(format);
            } catch (IllegalArgumentException e) {
                problems.add(new MappingProblem(
                        "listing.updated-since-format",
                        "listing.updated-since-format 不是有效的时间格式，例如 yyyy-MM-dd HH:mm:ss、iso、epoch-millis",
                        "listing.updated-since-format is not a time pattern: " + e.getMessage()));
            }
        }
    }

    private static void checkAttachments(Attachments attachments, List<MappingProblem> problems) {
        if (attachments == null) {
            problems.add(new MappingProblem(
                    "attachments",
                    "缺少 attachments（报名记录中附件列表的位置）",
                    "attachments (where a record lists its files) is required"));
            return;
        }
        match(attachments.list(), KEY, "attachments.list", "files", true, problems);
        match(attachments.url(), KEY, "attachments.url", "url", true, problems);
        match(attachments.name(), KEY, "attachments.name", "fileName", false, problems);
    }

    private static void checkSheet(Sheet sheet, FieldMapping fields, List<MappingProblem> problems) {
        if (sheet == null) {
            problems.add(new MappingProblem(
                    "sheet", "缺少 sheet（登记表如何指向附件）", "sheet (which column names a row's files) is required"));
            return;
        }
        match(sheet.filesColumn(), KEY, "sheet.files-column", "附件名称", true, problems);
        if (sheet.columns() == null) {
            return;
        }
        Map<String, String> named = new java.util.LinkedHashMap<>();
        fields.sourceKeysByField().forEach((field, column) -> named.put("fields." + field, column));
        if (sheet.filesColumn() != null) {
            named.put("sheet.files-column", sheet.filesColumn());
        }
        named.forEach((key, column) -> {
            if (!sheet.columns().contains(column)) {
                problems.add(new MappingProblem(
                        key,
                        key + " 指向的列“" + column + "”不在登记表中，登记表的列：" + sheet.columns(),
                        key + " names the column '" + column + "' the sheet lacks; its columns are "
                                + sheet.columns()));
            }
        });
    }

    private static void notFor(Object section, String key, String kind, List<MappingProblem> problems) {
        if (section != null) {
            problems.add(new MappingProblem(
                    key, key + " 不适用于 " + kind + " 类的映射", key + " does not apply to a mapping of kind " + kind));
        }
    }

    private static void match(
            String value,
            Pattern pattern,
            String key,
            String example,
            boolean required,
            List<MappingProblem> problems) {
        if (value == null) {
            if (required) {
                problems.add(
                        new MappingProblem(key, "缺少 " + key + "，例如 " + example, key + " is required, e.g. " + example));
            }
        } else if (!pattern.matcher(value).matches()) {
            problems.add(new MappingProblem(
                    key,
                    key + " 的值“" + value + "”无效，例如 " + example,
                    key + " value '" + value + "' must match " + pattern.pattern() + ", e.g. " + example));
        }
    }
}
