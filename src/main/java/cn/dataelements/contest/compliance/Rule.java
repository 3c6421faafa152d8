package cn.dataelements.contest.compliance;

import java.util.List;

/** One rule of the pre-check: small, stateless, reporting through {@link RuleContext#finding} so config applies. */
interface Rule {

    List<Finding> check(CheckInput input, RuleContext context);
}
