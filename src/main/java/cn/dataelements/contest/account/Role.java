package cn.dataelements.contest.account;

/**
 * What an account may do. An account holds one or more roles; Spring Security sees each as {@code ROLE_<name>}.
 */
public enum Role {
    /** 组织方: every entry, the ledger, exports. */
    ORGANIZER("组织方"),
    /** 监督委员会: confirms or overrules findings; each decision records who and when. */
    COMMITTEE("监督委员会"),
    /** 评审专家: only the entries assigned to them, without contact data. */
    REVIEWER("评审专家"),
    /** 管理员: routes, mappings, accounts, re-runs, the audit log. */
    ADMIN("管理员");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    /** The role's name on the pages. */
    public String label() {
        return label;
    }

    /** The authority Spring Security checks. */
    public String authority() {
        return "ROLE_" + name();
    }
}
