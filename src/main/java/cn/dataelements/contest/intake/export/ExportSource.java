package cn.dataelements.contest.intake.export;

import cn.dataelements.contest.exam.ExamResults;
import cn.dataelements.contest.intake.IntakeAttempts;
import cn.dataelements.contest.intake.records.SourceMapping;
import cn.dataelements.contest.ledger.IntakeLedger;
import java.nio.file.Path;

/**
 * One export route's source: its drop folder, its mapping, when a package is ready, the channel its registrations
 * came by (export, or portal for the portal's bulk export), where score sheets' results go, and the attempts of
 * packages that fail for a reason of their own. Made by the route template per route file.
 */
record ExportSource(
        String route,
        Path dropFolder,
        SourceMapping mapping,
        PackageReadiness readiness,
        ExportPackageReader reader,
        String channel,
        Path workDir,
        ExamResults exams,
        IntakeLedger ledger,
        IntakeAttempts attempts,
        int maxAttempts,
        java.util.Optional<PackageFetcher> fetcher) {

    /** Where processed packages go, inside the drop folder. */
    static final String DONE = "done";
    /** Where packages that could not be read go, inside the drop folder, each with a reason file. */
    static final String FAILED = "failed";
}
