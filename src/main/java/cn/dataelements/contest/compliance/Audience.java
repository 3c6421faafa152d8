package cn.dataelements.contest.compliance;

/**
 * Who may read a finding: the team itself (its receipt lists it, so the team can fix it) or only the committee. A
 * finding built from another entry's data or an imported watch list is the committee's alone: telling a team would
 * disclose another team's work or an organizer's list.
 */
public enum Audience {
    TEAM,
    COMMITTEE
}
