package cn.dataelements.contest.catalog;

import java.util.List;

/**
 * Everything mappings/ says about the contest, loaded and validated once at start-up.
 *
 * @param tracks the 14 tracks and their look-ups
 * @param sections every section defined in form-sections.yaml, in file order (a track's own order is its
 *     {@link Track#form()})
 * @param materials the file classifier
 */
public record Catalog(TrackCatalog tracks, List<SectionSpec> sections, MaterialClassifier materials) {

    public Catalog {
        sections = List.copyOf(sections);
    }

    /** Loads and validates the catalog files in a folder; throws {@link CatalogException} naming what is wrong. */
    public static Catalog load(java.nio.file.Path dir) {
        return CatalogLoader.load(dir);
    }
}
