package cn.dataelements.contest.extraction;

import cn.dataelements.contest.submission.Problem;

/** The problems extraction reports, each with the sentence the submitter reads. */
enum ExtractionProblem {
    ENCRYPTED("EXTRACTION_ENCRYPTED", "文件已加密，无法读取内容，原件已保存。"),
    CORRUPT("EXTRACTION_CORRUPT", "文件已损坏或内容与文件类型不符，无法读取内容，原件已保存。"),
    UNSUPPORTED("EXTRACTION_UNSUPPORTED", "暂不支持读取此类文件的内容，原件已保存。"),
    TIMEOUT("EXTRACTION_TIMEOUT", "读取文件内容超时，原件已保存，将由工作人员人工查看。"),
    OUT_OF_MEMORY("EXTRACTION_OUT_OF_MEMORY", "文件过大或结构过于复杂，无法读取内容，原件已保存，将由工作人员人工查看。"),
    TRUNCATED("EXTRACTION_TRUNCATED", "文件文字过长，仅收录前一部分用于检索，原件已完整保存。"),
    FAILED("EXTRACTION_FAILED", "读取文件内容时出错，原件已保存，将由工作人员人工查看。");

    private final String code;
    private final String messageZh;

    ExtractionProblem(String code, String messageZh) {
        this.code = code;
        this.messageZh = messageZh;
    }

    String code() {
        return code;
    }

    Problem of(String detailEn, String location) {
        return new Problem(code, messageZh, detailEn, location);
    }
}
