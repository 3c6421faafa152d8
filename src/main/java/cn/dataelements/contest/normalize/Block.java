package cn.dataelements.contest.normalize;

import java.util.List;

/**
 * One unit of a document in reading order: a heading, a paragraph, or a table row. Table rows keep their cells
 * because forms put a section's title in the left cell and its text in the right one, and header fields as
 * label/value cells.
 *
 * @param kind what it is
 * @param text the display text; for a row, its non-empty cells joined by tabs
 * @param cells a row's cells (display text, paragraphs joined by newlines); empty for other kinds
 */
record Block(Kind kind, String text, List<String> cells) {

    enum Kind {
        HEADING,
        PARAGRAPH,
        ROW
    }

    Block {
        cells = List.copyOf(cells);
    }

    static Block of(Kind kind, String text) {
        return new Block(kind, text, List.of());
    }

    static Block row(List<String> cells) {
        String text = String.join("\t", cells.stream().filter(c -> !c.isBlank()).toList());
        return new Block(Kind.ROW, text, cells);
    }

    /** The row's cells without the empty ones, which merged or spacer cells leave behind. */
    List<String> filledCells() {
        return cells.stream().filter(c -> !c.isBlank()).toList();
    }
}
