package cn.dataelements.contest.intake.mail;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Bounds of the MIME walk for one message, bound from {@code intake.mail.parser.*}. See {@link MailParserLimits}.
 *
 * @param maxDepth deepest nesting of multiparts, forwarded messages and winmail.dat containers (default 12)
 * @param maxParts most MIME parts visited in one message (default 500)
 * @param maxPartSize largest decoded attachment kept (default 200MB)
 * @param maxTotalSize largest sum of decoded attachments kept for one message (default 1GB)
 */
@Validated
@ConfigurationProperties("intake.mail.parser")
public record MailParserProperties(
        @Min(1) @DefaultValue("12") int maxDepth,
        @Min(1) @DefaultValue("500") int maxParts,
        @NotNull @DefaultValue("200MB") DataSize maxPartSize,
        @NotNull @DefaultValue("1GB") DataSize maxTotalSize) {

    public MailParserLimits limits() {
        return new MailParserLimits(maxDepth, maxParts, maxPartSize.toBytes(), maxTotalSize.toBytes());
    }
}
