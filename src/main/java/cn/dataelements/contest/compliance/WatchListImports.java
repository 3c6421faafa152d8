package cn.dataelements.contest.compliance;

import java.io.InputStream;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Imports a watch list and checks again, at once, every entry it (or the import it replaces) names: what the API and
 * the admin page share.
 */
@Component
public class WatchListImports {

    private final WatchListStore store;
    private final ListRecheck recheck;

    WatchListImports(WatchListStore store, ListRecheck recheck) {
        this.store = store;
        this.recheck = recheck;
    }

    /**
     * Imports the list and answers the report with the entries checked again.
     *
     * @throws IllegalArgumentException when the file is not a list of this kind
     */
    public ImportReport importList(ListKind kind, String name, InputStream csv) {
        ImportReport report = store.importList(kind, name, csv);
        return report.rechecked(recheck.recheck(store.current(kind), store.previous(kind)));
    }

    /** Every import of every list. */
    public List<ListImport> imports() {
        return store.imports();
    }
}
