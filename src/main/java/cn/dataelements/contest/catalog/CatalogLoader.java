package cn.dataelements.contest.catalog;

import cn.dataelements.contest.catalog.CatalogDocs.MaterialsFile;
import cn.dataelements.contest.catalog.CatalogDocs.SectionDoc;
import cn.dataelements.contest.catalog.CatalogDocs.SectionsFile;
import cn.dataelements.contest.catalog.CatalogDocs.TracksFile;
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
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads tracks.yaml, form-sections.yaml and materials.yaml from one folder, validates them together and builds the
 * {@link Catalog}. Any problem is a {@link CatalogException} naming the file and key path (or line, for YAML that
 * does not parse) and what would be valid.
 */
final class CatalogLoader {

    static final String TRACKS = "tracks.yaml";
    static final String SECTIONS = "form-sections.yaml";
    static final String MATERIALS = "materials.yaml";

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private CatalogLoader() {}

    static Catalog load(Path dir) {
        TracksFile tracks = read(dir, TRACKS, TracksFile.class);
        SectionsFile sections = read(dir, SECTIONS, SectionsFile.class);
        MaterialsFile materials = read(dir, MATERIALS, MaterialsFile.class);
        Problems problems = new Problems();
        SectionsValidator.check(sections, problems.in(shown(dir, SECTIONS)));
        List<SectionDoc> sectionDocs = sections == null ? List.of() : CatalogDocs.orEmpty(sections.sections());
        Set<String> sectionKeys = sectionDocs.stream().map(SectionDoc::key).collect(Collectors.toSet());
        TracksValidator.check(tracks, sectionKeys, problems.in(shown(dir, TRACKS)));
        RulesValidator.check(materials, problems.in(shown(dir, MATERIALS)));
        problems.throwIfAny();
        return CatalogBuilder.build(tracks, sectionDocs, materials);
    }

    private static <T> T read(Path dir, String name, Class<T> type) {
        Path file = dir.resolve(name);
        String shown = shown(dir, name);
        if (!Files.isRegularFile(file)) {
            throw new CatalogException(
                    shown + ": file not found; valid: " + name + " in the folder intake.catalog.dir ("
                            + dir.toAbsolutePath() + ")",
                    null);
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return YAML.readValue(reader, type);
        } catch (JsonProcessingException e) {
            throw new CatalogException(shown + ": " + YamlProblems.describe(e), e);
        } catch (IOException e) {
            throw new CatalogException(shown + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private static String shown(Path dir, String name) {
        return dir.resolve(name).toString();
    }
}
