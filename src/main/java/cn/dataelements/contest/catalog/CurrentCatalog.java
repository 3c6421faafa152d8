package cn.dataelements.contest.catalog;

import java.nio.file.Path;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalog in force. Loaded as the context starts (an invalid file stops the application) and read again by a
 * re-run, so a changed track, section synonym or material rule under mappings/ takes effect without a restart. A
 * file that does not validate stops the re-run with the start-up's error and leaves the catalog in force as it was.
 */
public final class CurrentCatalog implements Supplier<Catalog> {

    private static final Logger log = LoggerFactory.getLogger(CurrentCatalog.class);

    private final Path dir;
    private volatile Catalog catalog;

    private CurrentCatalog(Path dir, Catalog catalog) {
        this.dir = dir;
        this.catalog = catalog;
    }

    /** Loads the catalog from a folder; throws {@link CatalogException} naming what is wrong. */
    public static CurrentCatalog loadFrom(Path dir) {
        return new CurrentCatalog(dir, CatalogLoader.load(dir));
    }

    @Override
    public Catalog get() {
        return catalog;
    }

    /** Reads the folder again and returns the new catalog; throws {@link CatalogException} and keeps the old one. */
    public Catalog reload() {
        Catalog loaded = CatalogLoader.load(dir);
        catalog = loaded;
        log.info("Catalog reloaded from {}", dir.toAbsolutePath());
        return loaded;
    }
}
