package cn.dataelements.contest.compliance;

import cn.dataelements.contest.entry.Entry;
import java.util.List;

/**
 * The entries a rule across entries compares one entry with (a person in one team only, one work and one track per
 * team), from every channel. To be backed by the entries index; tests use a list.
 */
public interface EntryDirectory {

    /** Entries other than this one that could conflict with it; never the entry itself. */
    List<Entry> others(Entry entry);

    /** A directory with no entries, for a single entry checked on its own. */
    static EntryDirectory none() {
        return entry -> List.of();
    }
}
