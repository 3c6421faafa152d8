package cn.dataelements.contest.compliance;

import cn.dataelements.contest.entry.Entry;
import java.util.ArrayList;
import java.util.List;

/**
 * Against the imported lists in force: no unit on the dishonesty list (二.(一).1), and the team (a unit of the entry
 * with the same work title) not registered with the provincial contest (二.(一).3).
 */
final class WatchListRule implements Rule {

    @Override
    public List<Finding> check(CheckInput input, RuleContext context) {
        Entry entry = input.entry();
        String file = RuleContext.formPath(entry);
        WatchList dishonest = context.lists().current(ListKind.DISHONEST);
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < entry.units().size(); i++) {
            Entry.Unit unit = entry.units().get(i);
            if (dishonest.find(unit.name(), unit.creditCode()).isPresent()) {
                String code = unit.creditCode() == null ? "" : unit.creditCode();
                Evidence evidence = new Evidence(file, "units[" + i + "]", code.isEmpty() ? unit.name() : code, -1);
                context.finding(
                                FindingCode.UNIT_DISHONEST,
                                evidence,
                                "unit",
                                unit.name(),
                                "code",
                                code,
                                "list",
                                dishonest.label())
                        .ifPresent(findings::add);
            }
        }
        provincial(entry, file, context.lists().current(ListKind.PROVINCIAL), context)
                .ifPresent(findings::add);
        return findings;
    }

    private static java.util.Optional<Finding> provincial(
            Entry entry, String file, WatchList provincial, RuleContext context) {
        String title = Teams.title(entry.workTitle());
        if (title.isEmpty()) {
            return java.util.Optional.empty();
        }
        for (Entry.Unit unit : entry.units()) {
            boolean registered = provincial.findAll(unit.name(), unit.creditCode()).stream()
                    .anyMatch(row -> Teams.title(row.workTitle()).equals(title));
            if (registered) {
                return context.finding(
                        FindingCode.TEAM_IN_PROVINCIAL_CONTEST,
                        new Evidence(file, "workTitle", entry.workTitle(), -1),
                        "unit",
                        unit.name(),
                        "title",
                        entry.workTitle(),
                        "list",
                        provincial.label());
            }
        }
        return java.util.Optional.empty();
    }
}
