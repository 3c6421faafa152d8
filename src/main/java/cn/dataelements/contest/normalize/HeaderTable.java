package cn.dataelements.contest.normalize;

import cn.dataelements.contest.entry.Entry;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A list table inside the header: units (单位名称|统一社会信用代码|角色) or members (姓名|职务|电话|邮箱). Recognised
 * by a row whose every filled cell is a column name; the rows under it are read by column position until a row no
 * longer fits.
 *
 * @param members true for a members table, false for a units table
 * @param columns column role ("name", "code", "role", "phone", "email") to cell index
 */
record HeaderTable(boolean members, Map<String, Integer> columns) {

    /** A column role and the words its header cell contains; the first role that fits wins (单位类型 is a role). */
    private record Column(String role, List<String> words) {}

    private static final List<Column> MEMBER_COLUMNS = List.of(
            new Column("name", List.of("姓名")),
            new Column("role", List.of("职务", "角色", "职称", "分工", "岗位")),
            new Column("phone", List.of("电话", "手机")),
            new Column("email", List.of("邮箱", "邮件", "email")));
    private static final List<Column> UNIT_COLUMNS = List.of(
            new Column("code", List.of("信用代码")),
            new Column("role", List.of("角色", "类型", "性质", "身份")),
            new Column("name", List.of("单位名称", "单位")));
    private static final List<String> IGNORED = List.of("序号", "编号", "备注", "签字", "签名", "身份证", "性别", "学历");

    /** The table a header row opens, if the row is one. */
    static Optional<HeaderTable> open(List<String> cells) {
        Optional<Map<String, Integer>> members = columns(cells, MEMBER_COLUMNS);
        if (members.isPresent()
                && members.get().containsKey("name")
                && members.get().size() >= 2) {
            return Optional.of(new HeaderTable(true, members.get()));
        }
        Optional<Map<String, Integer>> units = columns(cells, UNIT_COLUMNS);
        return units.filter(c -> c.containsKey("name") && c.containsKey("code")).map(c -> new HeaderTable(false, c));
    }

    /**
     * Column roles by index when the row reads as a header: more known column names than other cells (工作单位 in a
     * members table is fine; "姓名|张三|职务|经理" is a row of label/value pairs), and nothing that looks like a value.
     */
    private static Optional<Map<String, Integer>> columns(List<String> cells, List<Column> roles) {
        Map<String, Integer> found = new java.util.HashMap<>();
        int unknown = 0;
        for (int i = 0; i < cells.size(); i++) {
            String key = HeaderField.key(cells.get(i));
            if (key.isEmpty() || IGNORED.stream().anyMatch(key::contains)) {
                continue;
            }
            Optional<String> role = role(key, roles);
            if (key.length() > 12 || key.matches(".*[0-9@].*")) {
                return Optional.empty();
            }
            if (role.isPresent()) {
                found.putIfAbsent(role.get(), i);
            } else {
                unknown++;
            }
        }
        return found.size() > unknown ? Optional.of(Map.copyOf(found)) : Optional.empty();
    }

    private static Optional<String> role(String key, List<Column> roles) {
        return roles.stream()
                .filter(c -> c.words().stream().anyMatch(key::contains))
                .map(Column::role)
                .findFirst();
    }

    /**
     * Whether a row under the header is one of the table's rows: its name cell is filled, and it is not a row of
     * label/value pairs ("联系人 | 于鹏 | 联系电话：187…") that follows the table. A role cell such as 联合单位 may look
     * like a label; only the row's first cell, or a cell with a colon, counts as one.
     */
    boolean fits(List<String> cells) {
        return !cell(cells, "name").isEmpty() && !labelRow(cells) && open(cells).isEmpty();
    }

    private static boolean labelRow(List<String> cells) {
        List<String> filled = cells.stream().filter(c -> !c.isBlank()).toList();
        return !filled.isEmpty()
                && (HeaderField.split(filled.get(0)).isPresent()
                        || filled.stream()
                                .anyMatch(c -> c.matches("(?s).*[:：].*")
                                        && HeaderField.split(c).isPresent()));
    }

    Entry.Representative member(List<String> cells) {
        return new Entry.Representative(
                cell(cells, "name"), cell(cells, "role"), cell(cells, "phone"), cell(cells, "email"));
    }

    Entry.Unit unit(List<String> cells) {
        String role = cell(cells, "role");
        boolean lead = role.contains("牵头") || role.contains("主");
        return new Entry.Unit(HeaderReader.unitName(cell(cells, "name")), CreditCodes.of(cell(cells, "code")), lead);
    }

    private String cell(List<String> cells, String role) {
        Integer index = columns.get(role);
        return index == null || index >= cells.size() ? "" : cells.get(index).strip();
    }
}
