package cn.dataelements.contest.compliance;

import java.util.List;

/** 二.(一).2 of the guide: at most five representatives per team (the number is configured). */
final class TeamSizeRule implements Rule {

    @Override
    public List<Finding> check(CheckInput input, RuleContext context) {
        int count = input.entry().representatives().size();
        int max = context.settings().maxRepresentatives();
        if (count <= max) {
            return List.of();
        }
        Evidence evidence =
                new Evidence(RuleContext.formPath(input.entry()), "representatives", String.valueOf(count), -1);
        return context
                .finding(
                        FindingCode.TOO_MANY_REPRESENTATIVES,
                        evidence,
                        "count",
                        String.valueOf(count),
                        "max",
                        String.valueOf(max))
                .stream()
                .toList();
    }
}
