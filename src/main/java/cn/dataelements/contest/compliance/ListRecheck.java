package cn.dataelements.contest.compliance;

import java.util.List;

/** Checks again the entries an imported list concerns: those it names now, and those the import it replaced named. */
interface ListRecheck {

    /** Returns the ids of the entries checked again. */
    List<String> recheck(WatchList now, WatchList before);
}
