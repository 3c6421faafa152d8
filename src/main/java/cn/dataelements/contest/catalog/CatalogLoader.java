package cn.dataelements.contest.catalog;

import cn.dataelements.contest.catalog.CatalogDocs.MaterialsFile;
import cn.dataelements.contest.catalog.CatalogDocs.SectionDoc;
import cn.dataelements.contest.catalog.CatalogDocs.SectionsFile;
import cn.dataelements.contest.catalog.CatalogDocs.TracksFile;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
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
            throw new CatalogException(shown + ": " + describe(e), e);
        } catch (IOException e) {
            throw new CatalogException(shown + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Jackson's error as key path and what would be valid. The line is given only for YAML that does not parse:
     * records are built from buffered properties, so for a mapping error Jackson's location is the end of the object,
     * not the offending key, while the key path is exact.
     */
    static String describe(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return keyPath(unknown) + ": unknown key '" + unknown.getPropertyName() + "'; valid: "
                    + unknown.getKnownPropertyIds();
        }
        if (e.getCause() instanceof StreamReadException syntax) {
            // Jackson wraps a parse error met while building a record in a mapping error: the syntax is the news.
            return "not valid YAML" + line(syntax.getLocation()) + ": " + firstLine(syntax.getOriginalMessage());
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return keyPath(mapping) + ": " + firstLine(e.getOriginalMessage());
        }
        return "not valid YAML" + line(e.getLocation()) + ": " + firstLine(e.getOriginalMessage());
    }

    /** Jackson's reference path as tracks[3].channel. */
    static String keyPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            }
        }
        return path.toString();
    }

    private static String line(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? "" : " (line " + location.getLineNr() + ")";
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    private static String shown(Path dir, String name) {
        return dir.resolve(name).toString();
    }
}
