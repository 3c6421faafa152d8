package cn.dataelements.contest.extraction;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How much one submission may make the intake do, across all its attachments and the archives in them (prefix
 * {@code intake.extraction.submission}). The per-archive and per-message limits bound one part; these bound the sum,
 * so a mail of many archives, each within its own limits, cannot take the disk, the extraction children or the
 * index. Past a limit the rest is not read, the original stays in the archive, and the submission gets a problem.
 *
 * @param maxFiles files read in all: attachments and archive entries (default 5000)
 * @param maxExpandedSize bytes of files read in all, after unpacking (default 4GB)
 * @param maxTextChars characters of text extracted in all, so the submission stays a document the index takes
 *     (default 6,000,000: three documents at the per-file limit)
 */
@Validated
@ConfigurationProperties("intake.extraction.submission")
public record SubmissionLimits(
        @Min(1) @DefaultValue("5000") int maxFiles,
        @NotNull @DefaultValue("4GB") DataSize maxExpandedSize,
        @Min(1) @DefaultValue("6000000") long maxTextChars) {}
