package cn.dataelements.contest.intake;

import cn.dataelements.contest.archive.ArchivedSubmission;
import cn.dataelements.contest.index.IndexItem;
import cn.dataelements.contest.index.IndexProperties;
import cn.dataelements.contest.index.Indexer;
import cn.dataelements.contest.ledger.IntakeLedger;
import cn.dataelements.contest.ledger.Outcome;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * The step after archiving, for every channel: a submission already in the index is counted (duplicate or
 * redelivery), any other is read from the archive and indexed; the ledger line is written once the index has
 * acknowledged. Only then does the route let the source acknowledge the item.
 */
@Component
public class SubmissionIntake {

    private final Map<String, SubmissionReader> readers;
    private final Indexer indexer;
    private final IntakeLedger ledger;
    private final IntakeHealth health;
    private final String alias;

    SubmissionIntake(
            List<SubmissionReader> readers,
            Indexer indexer,
            IntakeLedger ledger,
            IntakeHealth health,
            IndexProperties index) {
        this.readers = readers.stream().collect(Collectors.toMap(SubmissionReader::channel, Function.identity()));
        this.indexer = indexer;
        this.ledger = ledger;
        this.health = health;
        this.alias = index.alias("submissions");
    }

    public void take(ArchivedSubmission archived, Exchange exchange) {
        String route = exchange.getFromRouteId();
        if (indexer.exists(alias, archived.id())) {
            record(route, archived.isResent() ? Outcome.DUPLICATE : Outcome.ALREADY_INDEXED, archived);
        } else {
            SubmissionReader reader = readers.get(archived.received().channel());
            if (reader == null) {
                throw new IllegalStateException(
                        "No reader for channel " + archived.received().channel());
            }
            indexer.index(
                    alias,
                    List.of(new IndexItem(archived.id(), reader.read(archived).document())));
            record(route, Outcome.INDEXED, archived);
        }
        health.succeeded(route);
    }

    private void record(String route, Outcome outcome, ArchivedSubmission archived) {
        ledger.record(
                route,
                outcome,
                archived.id(),
                archived.received().messageId(),
                archived.received().folder(),
                archived.received().uid(),
                "");
    }
}
