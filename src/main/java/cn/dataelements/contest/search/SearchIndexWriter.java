package cn.dataelements.contest.search;

import cn.dataelements.contest.compliance.FindingsSaved;
import cn.dataelements.contest.index.DocumentTooLargeException;
import cn.dataelements.contest.index.IndexItem;
import cn.dataelements.contest.index.IndexProperties;
import cn.dataelements.contest.index.Indexer;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code contest-search} current: each time an entry's findings are written (a new version checked, a re-check,
 * a committee decision, a rebuild), its search document is written with them, to the index being written.
 */
@Component
class SearchIndexWriter {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexWriter.class);

    private final Indexer indexer;
    private final String alias;
    private final Clock clock = Clock.systemUTC();

    SearchIndexWriter(Indexer indexer, IndexProperties index) {
        this.indexer = indexer;
        this.alias = index.writeAlias(EntrySearch.INDEX);
    }

    /** Writes the entry's document; one too large for the node loses its largest file texts until it fits. */
    @EventListener
    void on(FindingsSaved saved) {
        EntrySearchDocument document = EntrySearchDocument.of(saved.input(), saved.findings(), clock.instant());
        while (true) {
            try {
                indexer.index(alias, List.of(new IndexItem(document.id(), document)));
                return;
            } catch (DocumentTooLargeException e) {
                EntrySearchDocument smaller = document.withoutLargestFileText();
                if (smaller == document) {
                    throw e;
                }
                log.warn("Search document of entry {} too large: a file's text left out of search", document.id());
                document = smaller;
            }
        }
    }
}
