package cn.dataelements.contest.account;

import java.util.Set;

/** The entries a reviewer may open in the workspace: those assigned to them in a round that is not blind. */
public interface ReviewerEntries {

    Set<String> visibleTo(String reviewer);
}
