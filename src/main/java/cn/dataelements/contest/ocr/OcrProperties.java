package cn.dataelements.contest.ocr;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * OCR's configuration (prefix {@code intake.ocr}).
 *
 * @param enabled whether scans and photos are read after intake (default true; Tesseract must be installed, as
 *     {@code bin/setup} and the Dockerfile do)
 * @param languages Tesseract's languages (default {@code chi_sim+eng})
 * @param dpi how finely a PDF page without text is rendered for reading (default 300)
 * @param pageTimeout the longest one page may take (default 2 minutes); a page that takes longer is left out, and
 *     said
 * @param maxPages the most pages of one file that are read (default 50); the rest are left out, and said
 * @param pollEvery how often the worker looks for waiting files (default 2 s)
 */
@Validated
@ConfigurationProperties("intake.ocr")
public record OcrProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("chi_sim+eng") @NotBlank String languages,
        @DefaultValue("300") @Min(72) int dpi,
        @DefaultValue("2m") @NotNull Duration pageTimeout,
        @DefaultValue("50") @Min(1) int maxPages,
        @DefaultValue("2s") @NotNull Duration pollEvery) {}
