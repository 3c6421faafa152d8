package cn.dataelements.contest.search;

import cn.dataelements.contest.compliance.FindingsSaved;
import cn.dataelements.contest.index.IndexItem;
import cn.dataelements.contest.index.IndexProperties;
import cn.dataelements.contest.index.Indexer;
import java.time.Clock;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code contest-search} current: each time an entry's findings are written (a new version checked, a re-check,
 * a committee decision, a rebuild), its search document is written with them, to the index being written.
 */
@Component
class SearchIndexWriter {

    private final Indexer indexer;
    private final String alias;
    private final Clock clock = Clock.systemUTC();

    SearchIndexWriter(Indexer indexer, IndexProperties index) {
        this.indexer = indexer;
        this.alias = index.writeAlias(EntrySearch.INDEX);
    }

    @EventListener
    void on(FindingsSaved saved) {
        EntrySearchDocument document = EntrySearchDocument.of(saved.input(), saved.findings(), clock.instant());
        indexer.index(alias, List.of(new IndexItem(document.id(), document)));
    }
}
