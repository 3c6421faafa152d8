package cn.dataelements.contest.entry;

import java.util.List;

/**
 * One section of an application form, e.g. ① 作品概述, as found in the document.
 *
 * @param key the catalog's stable key (overview, solution, value, business, team; for track 14: demand, technology,
 *     application, benefit)
 * @param title the catalog's canonical title, e.g. 作品概述
 * @param found whether the document has this section
 * @param heading the heading as the document wrote it, e.g. "一、项目概述", or empty
 * @param text the section's text for display (original characters), without its heading
 * @param parts the sub-parts found in it (背景, 应用行业, 核心优势, ...), in document order
 */
public record FormSection(String key, String title, boolean found, String heading, String text, List<Part> parts) {

    /** A sub-part of a section, e.g. 背景. */
    public record Part(String key, String title, String heading, String text) {}
}
