package cn.dataelements.contest.entry;

import java.util.Optional;
import org.springframework.stereotype.Component;

/** Entries as last committed, by id: what the API, the entry page and the review's packets read. */
@Component
public class Entries {

    private final EntryStore store;

    Entries(EntryStore store) {
        this.store = store;
    }

    public Optional<Entry> find(String id) {
        return store.find(id);
    }
}
