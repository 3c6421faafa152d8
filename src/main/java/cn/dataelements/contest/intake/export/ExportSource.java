package cn.dataelements.contest.intake.export;

import cn.dataelements.contest.intake.records.SourceMapping;
import java.nio.file.Path;

/**
 * One export route's source: its drop folder, its mapping, when a package is ready, and the channel its
 * registrations came by (export, or portal for the portal's bulk export). Made by the route template per route file.
 */
record ExportSource(
        Path dropFolder,
        SourceMapping mapping,
        PackageReadiness readiness,
        ExportPackageReader reader,
        String channel,
        Path workDir) {

    /** Where processed packages go, inside the drop folder. */
    static final String DONE = "done";
    /** Where packages that could not be read go, inside the drop folder, each with a reason file. */
    static final String FAILED = "failed";
}
