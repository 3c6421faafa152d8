package cn.dataelements.contest.intake;

import cn.dataelements.contest.archive.ArchivedSubmission;
import cn.dataelements.contest.extraction.MaterialReader;
import cn.dataelements.contest.submission.ReadSubmission;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Every channel's reader, chosen by the channel an archived submission came by. */
@Component
public class SubmissionReaders {

    private final Map<String, SubmissionReader> byChannel;

    SubmissionReaders(List<SubmissionReader> readers) {
        this.byChannel = readers.stream().collect(Collectors.toMap(SubmissionReader::channel, Function.identity()));
    }

    public ReadSubmission read(ArchivedSubmission archived) {
        return reader(archived).read(archived);
    }

    /** The files of the submission as the team sent them, in the work folder ({@link SubmissionReader#receivedFiles}). */
    public List<MaterialReader.Received> receivedFiles(ArchivedSubmission archived, Path work) throws IOException {
        return reader(archived).receivedFiles(archived, work);
    }

    private SubmissionReader reader(ArchivedSubmission archived) {
        SubmissionReader reader = byChannel.get(archived.received().channel());
        if (reader == null) {
            throw new IllegalStateException(
                    "No reader for channel " + archived.received().channel());
        }
        return reader;
    }
}
