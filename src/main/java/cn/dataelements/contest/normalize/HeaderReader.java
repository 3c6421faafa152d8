package cn.dataelements.contest.normalize;

import cn.dataelements.contest.entry.Entry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the header area of a form (the blocks before the first section heading) into a {@link FormHeader}. Rows are
 * read as label/value cell pairs ("作品名称 | 海洋牧场平台 | 参赛赛道 | 现代农业"), unless a row opens a units or
 * members table; paragraphs as "字段：值" lines, several per line when separated by wide spaces or tabs. A credit code
 * belongs to the unit named last before it, whether it stands in the same row or the next one.
 */
final class HeaderReader {

    private static final Pattern SEGMENTS = Pattern.compile("\\t|\\s{2,}|\\u3000+");
    private static final Pattern UNIT_LIST = Pattern.compile("[；;、\\n]+");
    /** The seal a unit's name asks for on paper: not part of the name. */
    private static final Pattern SEAL = Pattern.compile("[(（]\\s*(?:加盖公章|盖公章|盖章|公章|签章|签字盖章)\\s*[)）]");
    /** The title line of the document itself, which is not the work's title. */
    private static final Pattern DOCUMENT_KIND = Pattern.compile(".*(?:申报书|方案介绍|登记表|申请表|申报表|报名表)$");

    private static final int MAX_TITLE_CHARS = 40;

    private String workTitle = "";
    private String firstLine = "";
    private boolean fieldSeen;
    private String trackText = "";
    private String topic = "";
    private final List<Entry.Unit> units = new ArrayList<>();
    private final List<Entry.Representative> members = new ArrayList<>();
    private String contactName = "";
    private String contactPhone = "";
    private String contactEmail = "";
    private String pendingCode = "";
    private HeaderTable table;
    private final MemberLines memberLines = new MemberLines();
    private boolean listing;

    private HeaderReader() {}

    static FormHeader read(List<Block> blocks) {
        HeaderReader reader = new HeaderReader();
        blocks.forEach(reader::block);
        return reader.header();
    }

    private void block(Block block) {
        if (block.kind() != Block.Kind.ROW) {
            table = null;
            paragraph(block.text());
            return;
        }
        listing = false;
        Optional<HeaderTable> opened = HeaderTable.open(block.cells());
        if (opened.isPresent()) {
            table = opened.get();
        } else if (table != null && table.fits(block.cells())) {
            tableRow(block.cells());
        } else {
            table = null;
            pairs(block.filledCells());
        }
    }

    /** A line of text: a member while a list of members runs, else 字段：值 segments, or the untitled first line. */
    private void paragraph(String text) {
        boolean field = HeaderField.split(SEGMENTS.split(text.strip(), 2)[0]).isPresent();
        if (listing && !field && memberLines.line(text)) {
            return;
        }
        listing = HeaderTable.open(List.of(text.strip().split("\\s+")))
                .filter(HeaderTable::members)
                .isPresent();
        if (!listing && !field && !fieldSeen && firstLine.isEmpty()) {
            firstLine = titleShaped(text) ? text.strip() : "";
        }
        SEGMENTS.splitAsStream(text).forEach(this::labelled);
    }

    /** The document's own title line ("……数字机关赛道参赛作品登记表"), when its text starts with one. */
    static Optional<String> documentTitle(String text) {
        return text.lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .findFirst()
                .filter(l -> DOCUMENT_KIND.matcher(l).matches());
    }

    /** A work's title written without its label: short, no sentence, not the document's own title. */
    private static boolean titleShaped(String text) {
        String line = text.strip();
        return line.length() <= MAX_TITLE_CHARS
                && !line.contains("。")
                && !DOCUMENT_KIND.matcher(line).matches();
    }

    private void tableRow(List<String> cells) {
        if (table.members()) {
            members.add(table.member(cells));
        } else {
            units.add(table.unit(cells));
        }
    }

    private void pairs(List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            Optional<HeaderField> field = HeaderField.of(cells.get(i));
            if (field.isPresent()
                    && i + 1 < cells.size()
                    && HeaderField.of(cells.get(i + 1)).isEmpty()) {
                set(field.get(), cells.get(++i));
            } else if (field.isEmpty()) {
                labelled(cells.get(i));
            }
        }
    }

    /** "作品名称：海洋牧场平台" or "作品名称 海洋牧场平台"; anything else is ignored. */
    private void labelled(String segment) {
        HeaderField.split(segment).ifPresent(l -> set(l.field(), l.value()));
    }

    private void set(HeaderField field, String raw) {
        String value = raw.strip();
        fieldSeen = true;
        listing = field == HeaderField.MEMBERS;
        if (value.isEmpty()) {
            return;
        }
        switch (field) {
            case WORK_TITLE -> workTitle = workTitle.isEmpty() ? value : workTitle;
            case TRACK -> trackText = trackText.isEmpty() ? value : trackText;
            case TOPIC -> topic = topic.isEmpty() ? value : topic;
            case LEAD_UNIT -> unit(value, true);
            case JOINT_UNIT -> UNIT_LIST.splitAsStream(value).forEach(v -> unit(v, false));
            case UNIT -> unit(value, false);
            case CREDIT_CODE -> code(CreditCodes.of(value));
            case CONTACT_NAME -> contactName = contactName.isEmpty() ? value : contactName;
            case CONTACT_PHONE -> contactPhone = contactPhone.isEmpty() ? value : contactPhone;
            case CONTACT_EMAIL -> contactEmail = contactEmail.isEmpty() ? value : contactEmail;
            case MEMBERS -> memberLines.line(value);
        }
    }

    /** A unit named twice (a cover page, then the header) is one unit. */
    private void unit(String value, boolean lead) {
        String name = unitName(CreditCodes.withoutCode(value));
        if (name.isEmpty()) {
            return;
        }
        String code = CreditCodes.find(value).orElse(pendingCode);
        pendingCode = "";
        for (int i = 0; i < units.size(); i++) {
            Entry.Unit known = units.get(i);
            if (known.name().equals(name)) {
                String merged = known.creditCode().isEmpty() ? code : known.creditCode();
                units.set(i, new Entry.Unit(name, merged, known.lead() || lead));
                return;
            }
        }
        units.add(new Entry.Unit(name, code, lead));
    }

    /** The unit's name without the seal note a form asks for, "某某公司（盖章）". */
    static String unitName(String written) {
        return SEAL.matcher(written).replaceAll("").strip();
    }

    /** Fills the last unit still without a code; a code that comes before any unit waits for the next one. */
    private void code(String code) {
        for (int i = units.size() - 1; i >= 0; i--) {
            Entry.Unit u = units.get(i);
            if (u.creditCode().isEmpty()) {
                units.set(i, new Entry.Unit(u.name(), code, u.lead()));
                return;
            }
        }
        pendingCode = code;
    }

    private FormHeader header() {
        List<Entry.Unit> ordered = new ArrayList<>(units);
        if (ordered.size() == 1 && !ordered.get(0).lead()) {
            // a unit that enters alone leads its own entry
            Entry.Unit only = ordered.get(0);
            ordered.set(0, new Entry.Unit(only.name(), only.creditCode(), true));
        }
        ordered.sort((a, b) -> Boolean.compare(b.lead(), a.lead()));
        Entry.Contact contact = new Entry.Contact(contactName, contactPhone, contactEmail);
        members.addAll(memberLines.finish());
        String title = workTitle.isEmpty() ? firstLine : workTitle;
        return new FormHeader(title, trackText, topic, ordered, members, contact);
    }
}
