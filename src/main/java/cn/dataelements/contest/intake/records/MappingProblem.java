package cn.dataelements.contest.intake.records;

/**
 * Why a mapping file (or a record read by it) was refused: the key it is about, what the admin reads (Chinese) and
 * what the log says (English).
 */
public record MappingProblem(String key, String message, String logMessage) {

    @Override
    public String toString() {
        return key + ": " + logMessage;
    }
}
