package cn.dataelements.contest.catalog;

import static cn.dataelements.contest.catalog.CatalogDocs.orEmpty;

import cn.dataelements.contest.catalog.CatalogDocs.DirectionDoc;
import cn.dataelements.contest.catalog.CatalogDocs.MaterialDoc;
import cn.dataelements.contest.catalog.CatalogDocs.MaterialsFile;
import cn.dataelements.contest.catalog.CatalogDocs.RuleDoc;
import cn.dataelements.contest.catalog.CatalogDocs.SectionDoc;
import cn.dataelements.contest.catalog.CatalogDocs.TrackDoc;
import cn.dataelements.contest.catalog.CatalogDocs.TracksFile;
import cn.dataelements.contest.entry.MaterialKind;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Turns validated file contents into the catalog's records; nothing here can fail on a file that passed validation. */
final class CatalogBuilder {

    static final int DEFAULT_TEXT_WINDOW = 300;

    private final Map<String, SectionSpec> sections;

    private CatalogBuilder(List<SectionSpec> sections) {
        this.sections = sections.stream().collect(Collectors.toMap(SectionSpec::key, Function.identity()));
    }

    static Catalog build(TracksFile tracks, List<SectionDoc> sectionDocs, MaterialsFile materials) {
        List<SectionSpec> sections =
                sectionDocs.stream().map(CatalogBuilder::section).toList();
        CatalogBuilder builder = new CatalogBuilder(sections);
        List<Track> built = tracks.tracks().stream()
                .map(builder::track)
                .sorted(Comparator.comparingInt(Track::number))
                .toList();
        return new Catalog(new TrackCatalog(built), sections, classifier(materials));
    }

    private Track track(TrackDoc doc) {
        return new Track(
                doc.number(),
                doc.name(),
                Channel.fromYaml(doc.channel()).orElseThrow(),
                orEmpty(doc.aliases()),
                orEmpty(doc.topics()).stream()
                        .map(t -> new Topic(t.number(), t.title(), t.summary() == null ? "" : t.summary()))
                        .toList(),
                layout(doc.sections()),
                requirements(doc.materials()),
                orEmpty(doc.directions()).stream().map(this::direction).toList());
    }

    private Direction direction(DirectionDoc doc) {
        return new Direction(
                doc.key(), doc.name(), orEmpty(doc.aliases()), layout(doc.sections()), requirements(doc.materials()));
    }

    private FormLayout layout(List<String> keys) {
        return new FormLayout(orEmpty(keys).stream().map(sections::get).toList());
    }

    private static List<MaterialRequirement> requirements(List<MaterialDoc> docs) {
        return orEmpty(docs).stream()
                .map(m -> new MaterialRequirement(
                        MaterialKind.valueOf(m.kind()), Need.fromYaml(m.need()).orElseThrow()))
                .toList();
    }

    private static SectionSpec section(SectionDoc doc) {
        List<PartSpec> parts = orEmpty(doc.parts()).stream()
                .map(p -> new PartSpec(p.key(), p.title(), orEmpty(p.synonyms())))
                .toList();
        return new SectionSpec(doc.key(), doc.title(), orEmpty(doc.synonyms()), parts);
    }

    private static MaterialClassifier classifier(MaterialsFile file) {
        List<MaterialRule> rules =
                file.rules().stream().map(CatalogBuilder::rule).toList();
        int window = file.textWindow() == null ? DEFAULT_TEXT_WINDOW : file.textWindow();
        return new MaterialClassifier(rules, window);
    }

    private static MaterialRule rule(RuleDoc doc) {
        return new MaterialRule(
                MaterialKind.valueOf(doc.kind()), orEmpty(doc.extensions()), orEmpty(doc.names()), orEmpty(doc.text()));
    }
}
