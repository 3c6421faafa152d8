package cn.dataelements.contest.compliance;

import cn.dataelements.contest.catalog.TrackCatalog;
import cn.dataelements.contest.entry.Entry;
import java.util.List;

/**
 * The compliance pre-check (合规性审查) of one entry: runs every rule and returns the findings, each with its code,
 * severity, Chinese message and evidence, in rule order. It decides nothing: the supervision committee confirms or
 * overrules. Stateless apart from the lists it reads, so it may run for many entries at once.
 */
public class ComplianceChecker {

    /** Every rule, in the order their findings are listed. */
    private static final List<Rule> RULES = List.of(
            new TrackRule(),
            new UnitRule(),
            new WatchListRule(),
            new TeamSizeRule(),
            new CrossEntryRule(),
            new WorkTitleRule(),
            new MaterialsRule(),
            new FormSectionsRule(),
            new ProofOrganizationRule(),
            new SubmittedFilesRule());

    private volatile RuleContext context;

    public ComplianceChecker(
            TrackCatalog tracks, ComplianceSettings settings, WatchListStore lists, EntryDirectory directory) {
        this.context = new RuleContext(tracks, settings, lists, directory);
    }

    /** Uses a new catalog, rules and word lists from now on (a re-run after organizers changed them). */
    public void use(TrackCatalog tracks, ComplianceSettings settings) {
        RuleContext old = context;
        context = new RuleContext(tracks, settings, old.lists(), old.directory());
    }

    public List<Finding> check(CheckInput input) {
        return run(input).findings();
    }

    /** An entry's findings and the other entries its cross-entry findings name. */
    public record Result(List<Finding> findings, List<String> conflicts) {}

    /** Runs every rule; the other entries are looked up once and shared by the rules and the conflicts. */
    public Result run(CheckInput input) {
        RuleContext base = context;
        List<Entry> others = base.directory().others(input.entry());
        RuleContext now = new RuleContext(base.tracks(), base.settings(), base.lists(), entry -> others);
        List<Finding> findings =
                RULES.stream().flatMap(r -> r.check(input, now).stream()).toList();
        return new Result(findings, CrossEntryRule.conflicts(input.entry(), now));
    }

    /**
     * Whether the team may read this finding in its receipt: its code is configured for the team audience and does not
     * rest on another entry or a watch list (checked again here, whatever the configuration says).
     */
    public boolean forTeam(Finding finding) {
        FindingCode code;
        try {
            code = FindingCode.valueOf(finding.code());
        } catch (IllegalArgumentException e) {
            return false;
        }
        RuleSpec spec = context.settings().rule(code);
        return spec != null && spec.audience() == Audience.TEAM && !code.disclosesOthers();
    }

    /** The other entries whose cross-entry findings name this one: they need checking again when it changes. */
    public List<String> conflicts(Entry entry) {
        return CrossEntryRule.conflicts(entry, context);
    }
}
