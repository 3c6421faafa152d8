package cn.dataelements.contest.intake.records;

import cn.dataelements.contest.entry.Entry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code fields:} part of a mapping file: which key of a source's record (a JSON path such as
 * {@code contact.phone}, or a sheet's column header) holds each field of a {@link Registration}. Lists (the other
 * units, the members) name a key whose value is a list of objects, read by their own keys, or a text of names.
 */
public final class FieldMapping {

    /** Fields every mapping must name; a portal's must also name its records' ids. */
    static final Set<String> REQUIRED = Set.of("title");

    /** Every field a mapping may name, with what it is (shown when a mapping names another). */
    static final Map<String, String> SCALARS = scalars();

    private static final Set<String> UNIT_KEYS = Set.of("from", "name", "credit-code");
    private static final Set<String> MEMBER_KEYS = Set.of("from", "name", "role", "phone", "email");
    private static final Pattern KEY = Pattern.compile("[^\\p{Cntrl}]{1,200}");

    private final Map<String, String> keys;
    private final Map<String, String> otherUnits;
    private final Map<String, String> members;

    private FieldMapping(Map<String, String> keys, Map<String, String> otherUnits, Map<String, String> members) {
        this.keys = keys;
        this.otherUnits = otherUnits;
        this.members = members;
    }

    private static Map<String, String> scalars() {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("id", "the registration's id at the source / 报名编号");
        all.put("title", "作品名称");
        all.put("track", "赛道");
        all.put("topic", "赛题");
        all.put("submitted-at", "提交时间");
        all.put("updated-at", "最后修改时间");
        all.put("lead-unit", "牵头申报单位");
        all.put("lead-unit-code", "牵头单位统一社会信用代码");
        all.put("contact-name", "联系人");
        all.put("contact-phone", "联系电话");
        all.put("contact-email", "联系邮箱");
        all.put("receipt-address", "回执发送地址（不写则不发回执）");
        return all;
    }

    /** Every field name a mapping may use. */
    public static List<String> names() {
        List<String> names = new ArrayList<>(SCALARS.keySet());
        names.add("other-units");
        names.add("members");
        return names;
    }

    /** Reads the {@code fields:} section, adding a problem for each thing wrong with it. */
    public static FieldMapping of(Object section, String prefix, Set<String> required, List<MappingProblem> problems) {
        Map<String, String> keys = new LinkedHashMap<>();
        Map<String, String> otherUnits = Map.of();
        Map<String, String> members = Map.of();
        if (!(section instanceof Map<?, ?> fields)) {
            problems.add(new MappingProblem(
                    prefix, prefix + " 必须是一组“字段: 来源键”", prefix + " must map field names to source keys"));
            return new FieldMapping(keys, otherUnits, members);
        }
        for (Map.Entry<?, ?> field : fields.entrySet()) {
            String name = String.valueOf(field.getKey());
            String key = prefix + "." + name;
            if (SCALARS.containsKey(name)) {
                if (field.getValue() instanceof String value
                        && KEY.matcher(value).matches()) {
                    keys.put(name, value);
                } else {
                    problems.add(new MappingProblem(
                            key, key + " 必须是来源中的一个键或列名", key + " must be one key or column name of the source"));
                }
            } else if (name.equals("other-units")) {
                otherUnits = list(field.getValue(), key, UNIT_KEYS, problems);
            } else if (name.equals("members")) {
                members = list(field.getValue(), key, MEMBER_KEYS, problems);
            } else {
                problems.add(new MappingProblem(
                        key,
                        "未知的字段 " + name + "，可用的字段：" + names(),
                        "unknown field " + name + "; the fields are " + names()));
            }
        }
        java.util.stream.Stream.concat(REQUIRED.stream(), required.stream())
                .distinct()
                .filter(r -> !keys.containsKey(r))
                .sorted()
                .forEach(r -> problems.add(new MappingProblem(
                        prefix + "." + r,
                        "缺少必填字段 " + r + "（" + SCALARS.get(r) + "）",
                        "field " + r + " (" + SCALARS.get(r) + ") is required")));
        return new FieldMapping(keys, otherUnits, members);
    }

    /** A list field: a key alone (a text of names, or a list of names), or {from, and a key per part}. */
    private static Map<String, String> list(
            Object value, String key, Set<String> allowed, List<MappingProblem> problems) {
        if (value instanceof String from && KEY.matcher(from).matches()) {
            return Map.of("from", from, "name", ".");
        }
        if (value instanceof Map<?, ?> parts) {
            Map<String, String> list = new LinkedHashMap<>();
            for (Map.Entry<?, ?> part : parts.entrySet()) {
                String name = String.valueOf(part.getKey());
                if (!allowed.contains(name)
                        || !(part.getValue() instanceof String v)
                        || !KEY.matcher(v).matches()) {
                    problems.add(new MappingProblem(
                            key + "." + name,
                            key + " 只能有 " + allowed + "，每项是来源中的一个键",
                            key + " has only " + allowed + ", each one key of the source"));
                } else {
                    list.put(name, v);
                }
            }
            if (!list.containsKey("from") || !list.containsKey("name")) {
                problems.add(new MappingProblem(
                        key, key + " 必须写明 from（列表所在的键）和 name", key + " needs from (the list's key) and name"));
            }
            return list;
        }
        problems.add(new MappingProblem(
                key,
                key + " 必须是来源中的一个键，或 {from: 键, name: 键, …}",
                key + " must be a key of the source, or {from: key, name: key, ...}"));
        return Map.of();
    }

    /** The source keys (JSON paths, columns) this mapping reads, for checking a sheet's header against it. */
    public List<String> sourceKeys() {
        return sourceKeysByField().values().stream().distinct().toList();
    }

    /** The source key each field reads, by the field's name. */
    public Map<String, String> sourceKeysByField() {
        Map<String, String> all = new LinkedHashMap<>(keys);
        Optional.ofNullable(otherUnits.get("from")).ifPresent(k -> all.put("other-units", k));
        Optional.ofNullable(members.get("from")).ifPresent(k -> all.put("members", k));
        return all;
    }

    /** Whether the mapping names a field. */
    public boolean names(String field) {
        return keys.containsKey(field);
    }

    /** The source key of a field, or empty. */
    public String keyOf(String field) {
        return keys.getOrDefault(field, "");
    }

    /** The record's registration, or the problems that keep it from being one (a record without id or title). */
    public Registration map(RecordValues record, Instant fallbackSubmitted, List<MappingProblem> problems) {
        String id = text(record, "id");
        if (id.isEmpty() && keys.containsKey("id")) {
            problems.add(new MappingProblem(
                    keyOf("id"), "记录缺少编号（" + keyOf("id") + "）", "the record has no id (" + keyOf("id") + ")"));
        }
        String title = text(record, "title");
        if (title.isEmpty()) {
            problems.add(new MappingProblem(
                    keyOf("title"),
                    "记录缺少作品名称（" + keyOf("title") + "）",
                    "the record has no work title (" + keyOf("title") + ")"));
        }
        Instant submitted = time(record, "submitted-at", problems).orElse(fallbackSubmitted);
        if (submitted == null) {
            problems.add(new MappingProblem(
                    keyOf("submitted-at"),
                    "记录缺少提交时间（" + keyOf("submitted-at") + "）",
                    "the record has no submission time (" + keyOf("submitted-at") + ")"));
        }
        Instant updated = time(record, "updated-at", problems).orElse(null);
        List<Entry.Unit> units = new ArrayList<>();
        String lead = text(record, "lead-unit");
        if (!lead.isEmpty()) {
            units.add(new Entry.Unit(lead, text(record, "lead-unit-code"), true));
        }
        if (otherUnits.containsKey("from")) {
            for (RecordValues unit : record.items(otherUnits.get("from"))) {
                String name = unit.text(otherUnits.get("name"));
                if (!name.isEmpty() && !name.equals(lead)) {
                    units.add(new Entry.Unit(name, unit.text(otherUnits.getOrDefault("credit-code", "")), false));
                }
            }
        }
        List<Entry.Representative> people = new ArrayList<>();
        if (members.containsKey("from")) {
            for (RecordValues member : record.items(members.get("from"))) {
                String name = member.text(members.get("name"));
                if (!name.isEmpty()) {
                    people.add(new Entry.Representative(
                            name,
                            member.text(members.getOrDefault("role", "")),
                            member.text(members.getOrDefault("phone", "")),
                            member.text(members.getOrDefault("email", ""))));
                }
            }
        }
        return new Registration(
                id,
                title,
                text(record, "track"),
                text(record, "topic"),
                units,
                people,
                new Entry.Contact(
                        text(record, "contact-name"), text(record, "contact-phone"), text(record, "contact-email")),
                text(record, "receipt-address"),
                submitted,
                updated);
    }

    private String text(RecordValues record, String field) {
        String key = keys.get(field);
        return key == null ? "" : record.text(key);
    }

    private Optional<Instant> time(RecordValues record, String field, List<MappingProblem> problems) {
        String text = text(record, field);
        Optional<Instant> time = SourceTimes.parse(text);
        if (time.isEmpty() && !text.isEmpty()) {
            problems.add(new MappingProblem(
                    keyOf(field),
                    keyOf(field) + " 的值“" + text + "”不是时间，例如 2024-08-20 14:30:00",
                    keyOf(field) + " value '" + text + "' is not a time, e.g. 2024-08-20 14:30:00"));
        }
        return time;
    }
}
