package cn.dataelements.contest.intake.routes;

/**
 * Why a route file was refused: the key it is about, what the admin reads (Chinese) and what the log says (English).
 */
public record RouteProblem(String key, String message, String logMessage) {}
