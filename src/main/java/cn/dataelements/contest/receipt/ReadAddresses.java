package cn.dataelements.contest.receipt;

import java.util.List;

/**
 * The addresses the app reads submissions from (every mailbox route's account). A receipt never goes to one of them,
 * whatever a mail's From or Reply-To says: the app would be answering itself.
 */
public interface ReadAddresses {

    /** The addresses now, as the running routes have them. */
    List<String> all();
}
