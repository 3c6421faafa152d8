package cn.dataelements.contest.extraction;

import cn.dataelements.contest.submission.Problem;
import java.util.List;

/**
 * What one expansion produced: the files that were written safely, in archive order, and everything that could not
 * be done. Both lists may be non-empty at once; a problem never discards files already written.
 */
public record ExpansionResult(List<ExpandedFile> files, List<Problem> problems) {

    public ExpansionResult {
        files = List.copyOf(files);
        problems = List.copyOf(problems);
    }
}
