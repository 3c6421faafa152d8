package cn.dataelements.contest.entry;

import cn.dataelements.contest.catalog.Catalog;
import java.util.List;

/** Lets tests of other packages build entries with the production {@link EntryBuilder}. */
public final class EntryBuilders {

    private EntryBuilders() {}

    public static EntryBuilder of(Catalog catalog) {
        return new EntryBuilder(() -> catalog);
    }

    /** An entry of only a title, units and people, for tests of who is who; everything else empty. */
    public static Entry people(
            String id,
            String title,
            List<Entry.Unit> units,
            List<Entry.Representative> representatives,
            Entry.Contact contact) {
        return new Entry(
                id,
                List.of(),
                null,
                "",
                title,
                "",
                units,
                representatives,
                contact,
                List.of(),
                List.of(),
                List.of(),
                "received",
                "",
                List.of(),
                1,
                null,
                List.of(),
                "");
    }
}
