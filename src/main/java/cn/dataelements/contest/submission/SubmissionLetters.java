package cn.dataelements.contest.submission;

import cn.dataelements.contest.index.IndexProperties;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** What a submission said beside its files (a mail's subject, sender and body), read without the files' texts. */
@Component
public class SubmissionLetters {

    /** A submission's own words. */
    public record Letter(
            String id,
            String channel,
            Instant receivedAt,
            String subject,
            String from,
            String fromName,
            String bodyText) {}

    private final ElasticsearchClient client;
    private final String alias;

    SubmissionLetters(ElasticsearchClient client, IndexProperties index) {
        this.client = client;
        this.alias = index.alias("submissions");
    }

    public Optional<Letter> find(String submissionId) throws IOException {
        GetResponse<Letter> found = client.get(
                g -> g.index(alias)
                        .id(submissionId)
                        .sourceIncludes("id", "channel", "receivedAt", "subject", "from", "fromName", "bodyText"),
                Letter.class);
        return found.found() ? Optional.ofNullable(found.source()) : Optional.empty();
    }
}
