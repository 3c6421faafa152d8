package cn.dataelements.contest.entry;

import cn.dataelements.contest.catalog.Catalog;

/** Lets tests of other packages build entries with the production {@link EntryBuilder}. */
public final class EntryBuilders {

    private EntryBuilders() {}

    public static EntryBuilder of(Catalog catalog) {
        return new EntryBuilder(() -> catalog);
    }
}
