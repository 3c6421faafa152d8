package cn.dataelements.contest.intake.export;

import cn.dataelements.contest.exam.ExamResults;
import cn.dataelements.contest.extraction.ArchiveExpander;
import cn.dataelements.contest.intake.IntakeAttempts;
import cn.dataelements.contest.intake.IntakeProperties;
import cn.dataelements.contest.intake.ScratchFolder;
import cn.dataelements.contest.intake.records.Channels;
import cn.dataelements.contest.intake.records.SourceMapping;
import cn.dataelements.contest.intake.routes.ParameterSpec;
import cn.dataelements.contest.intake.routes.RouteFiles;
import cn.dataelements.contest.intake.routes.RouteProblem;
import cn.dataelements.contest.intake.source.PolledSource;
import cn.dataelements.contest.intake.source.SourceRouteTemplate;
import cn.dataelements.contest.ledger.IntakeLedger;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.RouteTemplateContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Route template {@value #ID}: watches a drop folder for export packages of the government messaging platform
 * (山东通), or the portal's bulk export, read by a mapping file ({@code mappings/<mapping>.mapping.yaml}); each row
 * is archived with its files first, then taken in as the mailbox does. See the README, "The 山东通 export route".
 */
@Component
class ExportRouteTemplate extends SourceRouteTemplate {

    static final String ID = "export";

    private final Path workDir;
    private final ArchiveExpander expander;
    private final ExamResults exams;
    private final IntakeLedger ledger;
    private final IntakeAttempts attempts;
    private final int maxAttempts;

    ExportRouteTemplate(
            @Value("${intake.mappings-dir:mappings}") Path mappings,
            IntakeProperties properties,
            ArchiveExpander expander,
            ExamResults exams,
            IntakeLedger ledger,
            IntakeAttempts attempts) {
        super(
                ID,
                Channels.EXPORT,
                mappings,
                ExportArchiver.class,
                List.of(
                        ParameterSpec.of(
                                "dropFolder",
                                null,
                                "/srv/contest/shandongtong-drop",
                                "[\\p{L}\\p{N}._/ -]{1,255}",
                                "the folder export packages are dropped into; done/ and failed/ are made inside it"),
                        ParameterSpec.of(
                                "channel",
                                Channels.EXPORT,
                                Channels.PORTAL,
                                "export|portal",
                                "the channel the registrations came by: export (山东通), or portal for its bulk export"),
                        ParameterSpec.of(
                                "doneMarker",
                                ".done",
                                "导出完成.txt",
                                "[\\p{L}\\p{N}._-]{1,64}",
                                "the file that marks a folder package complete"),
                        ParameterSpec.of(
                                "stableSeconds",
                                "60",
                                "60",
                                "[0-9]{1,5}",
                                "seconds a zip's size and time must stay the same before it is read without a marker"),
                        ParameterSpec.of(
                                "pollDelay", "5000", "5000", "[0-9]{3,9}", "milliseconds between looks at the folder"),
                        ParameterSpec.of(
                                "fetchUrl",
                                "",
                                "https://sdt.example.gov.cn/contest/export/latest.zip",
                                "(?:" + ParameterSpec.HTTP_URL + ")?",
                                "a URL to fetch a package from at each look (no query, no login in it), or empty"),
                        ParameterSpec.optionalSecret("fetchToken", "the bearer token for fetchUrl, if it needs one"),
                        ParameterSpec.of(
                                "maxSheetRows",
                                "20000",
                                "20000",
                                "[1-9][0-9]{0,6}",
                                "the most rows a registration sheet may have; a larger package is refused with the"
                                        + " reason"),
                        ParameterSpec.of(
                                "maxSheetMegabytes",
                                "64",
                                "64",
                                "[1-9][0-9]{0,3}",
                                "the largest registration sheet read, in MB; a larger package is refused with the"
                                        + " reason")));
        this.workDir =
                ScratchFolder.cleared(properties.workDir().toAbsolutePath().resolve("export-packages"));
        this.expander = expander;
        this.exams = exams;
        this.ledger = ledger;
        this.attempts = attempts;
        this.maxAttempts = properties.maxAttempts();
    }

    @Override
    protected List<RouteProblem> problems(Map<String, String> values) {
        return values.get("dropFolder").contains("..")
                ? List.of(new RouteProblem("parameters.dropFolder", "dropFolder 不能含有 ..", "dropFolder may not hold .."))
                : List.of();
    }

    @Override
    protected PolledSource source(RouteTemplateContext rtc, SourceMapping mapping) {
        String doneMarker = resolved(rtc, "doneMarker");
        String route = resolved(rtc, RouteFiles.ROUTE_ID_PARAMETER);
        return new ExportPoller(new ExportSource(
                route,
                Path.of(resolved(rtc, "dropFolder")),
                mapping,
                new PackageReadiness(
                        doneMarker,
                        Duration.ofSeconds(Long.parseLong(resolved(rtc, "stableSeconds"))),
                        Clock.systemUTC()),
                new ExportPackageReader(
                        expander,
                        doneMarker,
                        new SheetLimits(
                                Long.parseLong(resolved(rtc, "maxSheetMegabytes")) << 20,
                                Integer.parseInt(resolved(rtc, "maxSheetRows")))),
                resolved(rtc, "channel"),
                workDir.resolve(route),
                exams,
                ledger,
                attempts,
                maxAttempts,
                fetcher(rtc)));
    }

    private static java.util.Optional<PackageFetcher> fetcher(RouteTemplateContext rtc) {
        String url = resolved(rtc, "fetchUrl");
        if (url == null || url.isBlank()) {
            return java.util.Optional.empty();
        }
        String token = resolved(rtc, "fetchToken");
        return java.util.Optional.of(new PackageFetcher(
                java.net.URI.create(url), token == null ? "" : token, Duration.ofSeconds(60), Clock.systemUTC()));
    }
}
