package cn.dataelements.contest.normalize;

import cn.dataelements.contest.entry.FormSection;
import cn.dataelements.contest.normalize.SectionLocator.Start;
import cn.dataelements.contest.normalize.SectionVocabulary.SectionTerm;
import cn.dataelements.contest.submission.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.xml.stream.XMLStreamException;

/**
 * Reads an application form from the XHTML Tika made of it (Word, WPS or PDF alike) into its header fields and the
 * sections of a vocabulary. Stateless and thread-safe. A section's text runs from its heading to the next section's
 * heading; whatever comes before the first section heading is the header area.
 */
public final class FormNormalizer {

    /** Below this many sections the document is probably not an application form at all. */
    static final int MIN_SECTIONS = 2;

    /** The problem of a form too few of whose sections were found. */
    static final String NOT_RECOGNISED = "FORM_NOT_RECOGNISED";

    /**
     * The title line a form or sheet starts with ("……数字机关赛道参赛作品登记表"), which often names the track when no
     * field does.
     */
    public static Optional<String> documentTitle(String text) {
        return HeaderReader.documentTitle(text == null ? "" : text);
    }

    public NormalizedForm normalize(String xhtml, SectionVocabulary vocabulary) {
        List<Block> blocks;
        try {
            blocks = XhtmlBlocks.read(xhtml == null ? "" : xhtml);
        } catch (XMLStreamException e) {
            return unreadable(vocabulary, e);
        }
        List<Start> starts = new SectionLocator(vocabulary.sections()).locate(blocks);
        int headerEnd = starts.isEmpty() ? blocks.size() : starts.get(0).block();
        FormHeader header = HeaderReader.read(blocks.subList(0, headerEnd));
        List<FormSection> sections = new ArrayList<>();
        for (int t = 0; t < vocabulary.sections().size(); t++) {
            sections.add(section(vocabulary.sections().get(t), t, starts, blocks));
        }
        return new NormalizedForm(header, sections, problems(sections));
    }

    private static FormSection section(SectionTerm term, int index, List<Start> starts, List<Block> blocks) {
        Optional<Start> start = starts.stream().filter(s -> s.term() == index).findFirst();
        if (start.isEmpty()) {
            return new FormSection(term.key(), term.title(), false, "", "", List.of());
        }
        List<Block> body = TemplateInstructions.skip(body(start.get(), starts, blocks));
        StringBuilder text = new StringBuilder();
        body.forEach(b -> PartSplitter.append(text, b.text()));
        List<FormSection.Part> parts = new PartSplitter(term.parts()).split(body);
        return new FormSection(term.key(), term.title(), true, start.get().heading(), text.toString(), parts);
    }

    /** The heading's own inline text as lines, then every block up to the next section's heading. */
    private static List<Block> body(Start start, List<Start> starts, List<Block> blocks) {
        int end = starts.stream()
                .mapToInt(Start::block)
                .filter(b -> b > start.block())
                .min()
                .orElse(blocks.size());
        Stream<Block> inline = start.inline().isBlank()
                ? Stream.empty()
                : start.inline().lines().filter(l -> !l.isBlank()).map(l -> Block.of(Block.Kind.PARAGRAPH, l.strip()));
        return Stream.concat(inline, blocks.subList(start.block() + 1, end).stream())
                .toList();
    }

    private static List<Problem> problems(List<FormSection> sections) {
        List<Problem> problems = new ArrayList<>();
        for (FormSection s : sections) {
            if (!s.found()) {
                problems.add(new Problem(
                        "FORM_SECTION_MISSING",
                        "申报书中未找到“" + s.title() + "”部分",
                        "Form section '" + s.key() + "' (" + s.title() + ") not found",
                        ""));
            }
        }
        long found = sections.stream().filter(FormSection::found).count();
        if (found < MIN_SECTIONS) {
            problems.add(notRecognised("Only " + found + " of " + sections.size() + " form sections found"));
        }
        return problems;
    }

    private static Problem notRecognised(String detail) {
        return new Problem(NOT_RECOGNISED, "未能识别申报书的结构，请确认提交的是作品申报书", detail, "");
    }

    private static NormalizedForm unreadable(SectionVocabulary vocabulary, XMLStreamException e) {
        List<FormSection> sections = vocabulary.sections().stream()
                .map(t -> new FormSection(t.key(), t.title(), false, "", "", List.of()))
                .toList();
        List<Problem> problems = new ArrayList<>(problems(sections));
        problems.set(problems.size() - 1, notRecognised("XHTML not readable: " + e.getMessage()));
        return new NormalizedForm(FormHeader.EMPTY, sections, problems);
    }
}
