package cn.dataelements.contest.compliance;

import cn.dataelements.contest.entry.Entry;
import cn.dataelements.contest.entry.FormSection;
import cn.dataelements.contest.entry.MaterialKind;
import java.util.List;

/**
 * Every section of the application form (or of track 14's 作品方案介绍) is there. Without a form at all the entry
 * lacks a material instead, which {@link MaterialsRule} reports; sections are not reported on top of it.
 */
final class FormSectionsRule implements Rule {

    @Override
    public List<Finding> check(CheckInput input, RuleContext context) {
        Entry entry = input.entry();
        String file = RuleContext.pathOf(entry, MaterialKind.APPLICATION_FORM, MaterialKind.SOLUTION_INTRODUCTION);
        if (file.isEmpty()) {
            return List.of();
        }
        return entry.sections().stream()
                .filter(s -> !s.found())
                .flatMap(s ->
                        context
                                .finding(FindingCode.FORM_SECTION_MISSING, evidence(file, s), "section", s.title())
                                .stream())
                .toList();
    }

    private static Evidence evidence(String file, FormSection section) {
        return new Evidence(file, "sections." + section.key(), section.title(), -1);
    }
}
