package cn.dataelements.contest.intake.export;

import cn.dataelements.contest.archive.ArchivedSubmission;
import cn.dataelements.contest.archive.ReceivedFacts;
import cn.dataelements.contest.archive.SubmissionArchive;
import cn.dataelements.contest.intake.IntakeFailures;
import cn.dataelements.contest.intake.SourceItem;
import cn.dataelements.contest.intake.records.RecordBundle;
import cn.dataelements.contest.intake.records.RegistrationIdentities;
import cn.dataelements.contest.intake.records.UnmappedRecord;
import java.io.IOException;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * First step of an export route: a row of a package's sheet and its files, archived as received before anything reads
 * them, under the registration's identity (a re-import of the same sheet is the same submission). A row that does not
 * map is archived as it came and quarantined, and the package goes on.
 */
@Component
class ExportArchiver {

    private final SubmissionArchive archive;
    private final RegistrationIdentities identities;

    ExportArchiver(SubmissionArchive archive, RegistrationIdentities identities) {
        this.archive = archive;
        this.identities = identities;
    }

    public ArchivedSubmission archive(Exchange exchange) throws IOException {
        ExportRow item = exchange.getIn().getBody(ExportRow.class);
        ExportPackage.Row row = item.row();
        String route = exchange.getFromRouteId();
        String place = item.exportPackage().name() + "#" + row.number();
        exchange.setProperty(IntakeFailures.SOURCE, new SourceItem(route, "export:" + place, -1, -1, ""));
        if (row.registration() == null) {
            throw UnmappedRecord.quarantine(
                    archive,
                    exchange,
                    row.source(),
                    new ReceivedFacts(item.channel(), route, place, -1, -1, "", java.time.Instant.now()),
                    "Row " + row.number() + " of " + item.exportPackage().sheet() + " in "
                            + item.exportPackage().name(),
                    "数据包 " + item.exportPackage().name() + " 登记表第 " + row.number() + " 行",
                    "原始行",
                    row.problems());
        }
        RecordBundle bundle = new RecordBundle(row.source(), row.registration(), row.files(), row.missing());
        ReceivedFacts facts = new ReceivedFacts(
                item.channel(), route, place, -1, -1, "", row.registration().submittedAt());
        return archive.store(bundle::writeTo, facts, identities.archiveId(bundle));
    }
}
