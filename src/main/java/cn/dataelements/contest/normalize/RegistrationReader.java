package cn.dataelements.contest.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.stream.XMLStreamException;

/**
 * Reads a 参赛作品登记表 from its XHTML: header fields as {@link HeaderReader} reads them, and 简介 and 亮点 wherever
 * the sheet puts them: the cell after the label (Word and Excel sheets), "简介：…" on one line, or the paragraphs
 * under a label line up to the next label.
 */
public final class RegistrationReader {

    private static final Map<String, List<String>> LABELS = Map.of(
            "summary", List.of("作品简介", "项目简介", "简介", "内容简介", "作品介绍", "作品概况"),
            "highlights", List.of("作品亮点", "项目亮点", "亮点", "创新亮点", "特色亮点", "主要亮点", "亮点特色"));

    /** "1.", "一、", "（二）" before a label. */
    private static final Pattern NUMBERING = Pattern.compile("^[(（]?[一二三四五六七八九十0-9０-９]{1,3}[)）、.．]?\\s*");

    /** The sheet's closing lines, "填报日期：…", "单位（盖章）", which end the text above them. */
    private static final Pattern SIGN_OFF =
            Pattern.compile("^[^:：。，]{0,10}(?:日期|盖章|签字|签名|签章|填表人|填报人|审核人)[^:：。，]{0,4}(?:[:：].*)?$");

    private final Map<String, List<String>> texts =
            Map.of("summary", new ArrayList<>(), "highlights", new ArrayList<>());
    private String open = "";

    private RegistrationReader() {}

    /** The sheet's fields; an unreadable XHTML gives an empty sheet, its file's problem is recorded by extraction. */
    public static RegistrationSheet read(String xhtml) {
        List<Block> blocks;
        try {
            blocks = XhtmlBlocks.read(xhtml);
        } catch (XMLStreamException e) {
            return new RegistrationSheet(FormHeader.EMPTY, "", "");
        }
        RegistrationReader reader = new RegistrationReader();
        blocks.forEach(reader::block);
        return new RegistrationSheet(HeaderReader.read(blocks), reader.text("summary"), reader.text("highlights"));
    }

    private void block(Block block) {
        if (block.kind() == Block.Kind.ROW) {
            open = "";
            row(block.filledCells());
        } else {
            line(block.text().strip());
        }
    }

    /** Label cell, then its value in the next cell(s) up to the next label: merged cells leave the value spread. */
    private void row(List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            Optional<String> field = field(cells.get(i));
            if (field.isPresent()) {
                open = field.get();
            } else if (!open.isEmpty() && HeaderField.of(cells.get(i)).isEmpty()) {
                texts.get(open).add(cells.get(i).strip());
            } else {
                inline(cells.get(i));
            }
        }
        open = "";
    }

    private void line(String text) {
        if (text.isEmpty()) {
            return;
        }
        Optional<String> field = field(text);
        if (field.isPresent()) {
            open = field.get();
        } else if (inline(text)) {
            return;
        } else if (HeaderField.split(text).isPresent() || SIGN_OFF.matcher(text).matches()) {
            open = "";
        } else if (!open.isEmpty()) {
            texts.get(open).add(text);
        }
    }

    /** "作品简介：……" in one piece of text; true when it was one. */
    private boolean inline(String text) {
        String[] parts = text.split("[:：]", 2);
        Optional<String> field = parts.length == 2 ? field(parts[0]) : Optional.empty();
        field.ifPresent(f -> {
            open = f;
            if (!parts[1].isBlank()) {
                texts.get(f).add(parts[1].strip());
            }
        });
        return field.isPresent();
    }

    private static Optional<String> field(String label) {
        String key = HeaderField.key(NUMBERING.matcher(label.strip()).replaceFirst(""));
        return LABELS.entrySet().stream()
                .filter(e -> e.getValue().contains(key))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    private String text(String field) {
        return texts.get(field).stream().collect(Collectors.joining("\n"));
    }
}
