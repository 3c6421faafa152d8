package cn.dataelements.contest.exam;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One person's 数字技能 exam result, as the platform's score sheet gives it.
 *
 * @param row the row of the sheet it came from
 * @param name the person's name
 * @param unit the person's unit, or empty
 * @param idNumber the ID as the sheet gives it (not checked), or empty; stored encrypted, read back masked
 * @param scoreText the score as written
 * @param score the score as a number ("85分" is 85), or null when it is not one
 * @param examTime when the exam was taken (a time without a zone is Beijing time), or null
 */
public record ExamResult(
        int row, String name, String unit, String idNumber, String scoreText, BigDecimal score, Instant examTime) {}
