package cn.dataelements.contest.compliance;

import cn.dataelements.contest.entry.Entry;
import java.util.ArrayList;
import java.util.List;

/**
 * 二.(一).1 of the guide: every unit has a valid unified social credit code; several units name a lead unit; a
 * government body (机关) enters only in track 14 (数字机关).
 */
final class UnitRule implements Rule {

    @Override
    public List<Finding> check(CheckInput input, RuleContext context) {
        Entry entry = input.entry();
        String file = RuleContext.formPath(entry);
        List<Finding> findings = new ArrayList<>();
        List<Entry.Unit> units = entry.units();
        for (int i = 0; i < units.size(); i++) {
            findings.addAll(creditCode(units.get(i), i, file, entry, context));
        }
        if (units.size() > 1 && units.stream().noneMatch(Entry.Unit::lead)) {
            context.finding(
                            FindingCode.LEAD_UNIT_MISSING,
                            new Evidence(file, "units", String.valueOf(units.size()), -1),
                            "count",
                            String.valueOf(units.size()))
                    .ifPresent(findings::add);
        }
        return findings;
    }

    private static List<Finding> creditCode(Entry.Unit unit, int index, String file, Entry entry, RuleContext context) {
        String field = "units[" + index + "].creditCode";
        String code = unit.creditCode() == null ? "" : unit.creditCode().strip();
        if (code.isEmpty()) {
            return context
                    .finding(
                            FindingCode.CREDIT_CODE_MISSING,
                            new Evidence(file, field, unit.name(), -1),
                            "unit",
                            unit.name())
                    .stream()
                    .toList();
        }
        if (!CreditCode.isValid(code)) {
            return context
                    .finding(
                            FindingCode.CREDIT_CODE_INVALID,
                            new Evidence(file, field, code, -1),
                            "unit",
                            unit.name(),
                            "code",
                            code)
                    .stream()
                    .toList();
        }
        boolean track14 = entry.track() != null && entry.track().number() == 14;
        if (CreditCode.isGovernmentBody(code) && !track14) {
            String track = entry.track() == null ? "未知" : entry.track().name();
            return context
                    .finding(
                            FindingCode.GOVERNMENT_UNIT_OUTSIDE_TRACK_14,
                            new Evidence(file, field, code, -1),
                            "unit",
                            unit.name(),
                            "code",
                            code,
                            "track",
                            track)
                    .stream()
                    .toList();
        }
        return List.of();
    }
}
