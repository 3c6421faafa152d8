package cn.dataelements.contest.account;

/**
 * What an account may do. An account holds one or more roles; Spring Security sees each as {@code ROLE_<name>}. The
 * duties of 等保 are kept apart: the admin manages the system and its accounts and reads no entries unless the account
 * is also an organizer; the auditor reads the audit log and nothing else; a reviewer holds no other role.
 */
public enum Role {
    /** 组织方: every entry, the ledger, exports. */
    ORGANIZER("组织方"),
    /** 监督委员会: confirms or overrules findings; each decision records who and when. */
    COMMITTEE("监督委员会"),
    /** 评审专家: only the entries assigned to them, without contact data. */
    REVIEWER("评审专家"),
    /** 管理员 (system admin): accounts, watch lists, re-runs; not the entries, not the audit log. */
    ADMIN("管理员"),
    /** 安全审计员: reads the audit log and proves its chain; nothing else. */
    AUDITOR("安全审计员");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    /** The role's name on the pages. */
    public String label() {
        return label;
    }

    /** Whether the role is an account's only one: a reviewer or an auditor holds no other. */
    public boolean alone() {
        return this == REVIEWER || this == AUDITOR;
    }

    /** The authority Spring Security checks. */
    public String authority() {
        return "ROLE_" + name();
    }
}
