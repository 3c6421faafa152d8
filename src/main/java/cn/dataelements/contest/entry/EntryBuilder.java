package cn.dataelements.contest.entry;

import cn.dataelements.contest.catalog.Catalog;
import cn.dataelements.contest.catalog.FormLayout;
import cn.dataelements.contest.catalog.Track;
import cn.dataelements.contest.catalog.TrackCatalog;
import cn.dataelements.contest.extraction.MaterialReader.ReadFile;
import cn.dataelements.contest.normalize.FormHeader;
import cn.dataelements.contest.normalize.FormNormalizer;
import cn.dataelements.contest.normalize.MailSubjectParser;
import cn.dataelements.contest.normalize.NormalizedForm;
import cn.dataelements.contest.normalize.SubjectFields;
import cn.dataelements.contest.submission.Problem;
import cn.dataelements.contest.submission.ReadSubmission;
import cn.dataelements.contest.submission.SubmissionDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Builds the entry of a submission from what was read of it: every file classified by the catalog's rules, the
 * application form normalized into the track's sections, header fields from the form and, where it says nothing,
 * from the mail subject (赛道-单位-作品名称). A pure function of its input, so rebuilding gives the same entry.
 */
@Component
public class EntryBuilder {

    static final String STATUS_RECEIVED = "received";

    private final Supplier<Catalog> catalogs;
    private final FormNormalizer normalizer = new FormNormalizer();
    private final MailSubjectParser subjects = new MailSubjectParser();

    EntryBuilder(Supplier<Catalog> catalogs) {
        this.catalogs = catalogs;
    }

    public Entry build(ReadSubmission read) {
        Catalog catalog = catalogs.get();
        SubmissionDocument submission = read.document();
        List<Material> materials = classify(read, catalog);
        SubjectFields subject = subjects.parse(submission.subject() == null ? "" : submission.subject());
        FormDocuments documents = FormDocuments.of(read, materials);
        FormHeader form = documents.header(normalizer, Vocabularies.any(catalog));
        // A structured channel's registration is what the team entered on the platform: it comes first, the form
        // fills what it leaves blank.
        FormHeader header = read.declared() == null
                ? form
                : form == null ? read.declared() : read.declared().orElse(form);
        Optional<Track> track = findTrack(catalog.tracks(), header, subject, submission.subject(), documents.titles());
        FormLayout layout = Vocabularies.layoutOf(track, header, subject, catalog);
        List<Problem> problems = new ArrayList<>();
        Form formRead = sections(documents, layout, problems);
        Entry view = new Entry(
                submission.id(),
                List.of(new Entry.EntrySubmission(
                        submission.id(), submission.channel(), reference(submission), submission.receivedAt())),
                track.map(Track::toEntryTrack).orElse(null),
                topic(catalog.tracks(), track, header),
                firstNonBlank(header == null ? "" : header.workTitle(), subject.workTitle()),
                "",
                units(header, subject),
                header == null ? List.of() : header.representatives(),
                header == null ? new Entry.Contact("", "", "") : header.contact(),
                formRead.sections(),
                materials,
                problems,
                STATUS_RECEIVED,
                "",
                List.of(new Entry.Version(1, submission.id(), submission.receivedAt(), false, materials)),
                1,
                documents.entryRegistration(),
                missingFiles(submission),
                formRead.text());
        return TeamIdentity.key(view).map(key -> withTeam(view, key)).orElse(view);
    }

    /** The view as a submission of a known team: the team's entry id, so the store merges it with its others. */
    static Entry withTeam(Entry v, String key) {
        return new Entry(
                TeamIdentity.entryId(key),
                v.submissions(),
                v.track(),
                v.topic(),
                v.workTitle(),
                v.teamName(),
                v.units(),
                v.representatives(),
                v.contact(),
                v.sections(),
                v.materials(),
                v.problems(),
                v.status(),
                key,
                v.versions(),
                v.currentVersion(),
                v.registration(),
                v.missingFiles(),
                v.formText());
    }

    /** The view with one more problem, e.g. an uncertain team match for a person to decide. */
    static Entry withProblem(Entry v, Problem problem) {
        List<Problem> problems = new ArrayList<>(v.problems());
        problems.add(problem);
        return new Entry(
                v.id(),
                v.submissions(),
                v.track(),
                v.topic(),
                v.workTitle(),
                v.teamName(),
                v.units(),
                v.representatives(),
                v.contact(),
                v.sections(),
                v.materials(),
                problems,
                v.status(),
                v.teamKey(),
                v.versions(),
                v.currentVersion(),
                v.registration(),
                v.missingFiles(),
                v.formText());
    }

    /** The files the submission's channel listed but could not deliver, as its problems name them. */
    private static List<MissingFile> missingFiles(SubmissionDocument submission) {
        return submission.problems().stream()
                .filter(p -> Problem.FILE_NOT_DELIVERED.equals(p.code())
                        && !p.location().isBlank())
                .map(p -> new MissingFile(
                        p.location(), submission.channel(), submission.id(), reason(p.messageZh()), p.detailEn()))
                .toList();
    }

    /** The reason of a problem worded "附件“…”未能取得：<reason>", without what the finding says itself. */
    private static String reason(String messageZh) {
        int colon = messageZh.indexOf("未能取得：");
        return colon < 0 ? messageZh : messageZh.substring(colon + "未能取得：".length());
    }

    private static List<Material> classify(ReadSubmission read, Catalog catalog) {
        return read.files().stream()
                .map(ReadFile::document)
                .map(f -> new Material(
                        f.name(),
                        f.path(),
                        catalog.materials().classify(f.path(), f.text() == null ? "" : f.text()),
                        read.document().id(),
                        f.sha256(),
                        f.signatures()))
                .toList();
    }

    /** The form as the entry shows it: its sections, and its whole text when they were not recognized. */
    private record Form(List<FormSection> sections, String text) {}

    /**
     * The form's sections in the layout's order. A form file whose text could not be read is said as such, never as
     * no form (the file list shows it); a form whose parts were not recognized keeps its whole text for the page.
     */
    private Form sections(FormDocuments documents, FormLayout layout, List<Problem> problems) {
        if (layout.isEmpty()) {
            return new Form(List.of(), "");
        }
        Optional<ReadFile> form = documents.form();
        if (form.isEmpty()) {
            Optional<String> unreadable = documents.unreadableForm();
            problems.add(unreadable
                    .map(path -> new Problem(
                            "FORM_UNREADABLE",
                            "申报书“" + path + "”中读不出文字（可能是扫描件、加密或损坏的文件），无法读取作品各部分内容。",
                            "The application form has no readable text",
                            path))
                    .orElseGet(() -> new Problem(
                            "FORM_MISSING",
                            "未找到作品申报书（或方案介绍），无法读取作品各部分内容。",
                            "No application form among the files",
                            "")));
            return new Form(Vocabularies.missingSections(layout), "");
        }
        NormalizedForm normalized = normalizer.normalize(form.get().xhtml(), Vocabularies.of(layout));
        String location = form.get().document().path();
        normalized.problems().forEach(p -> problems.add(new Problem(p.code(), p.messageZh(), p.detailEn(), location)));
        String text = normalized.recognised() || form.get().document().text() == null
                ? ""
                : form.get().document().text().strip();
        return new Form(normalized.sections(), text);
    }

    /** The track a field names, else the mail's subject, else the title line of the form or sheet. */
    private static Optional<Track> findTrack(
            TrackCatalog tracks, FormHeader header, SubjectFields subject, String rawSubject, List<String> titles) {
        return Stream.concat(
                        Stream.of(header == null ? "" : header.trackText(), subject.trackText(), rawSubject),
                        titles.stream())
                .filter(text -> text != null && !text.isBlank())
                .map(tracks::findTrack)
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static String topic(TrackCatalog tracks, Optional<Track> track, FormHeader header) {
        if (header == null || header.topic().isBlank()) {
            return "";
        }
        return track.flatMap(t -> tracks.findTopic(t, header.topic()))
                .map(t -> t.title())
                .orElse(header.topic());
    }

    private static List<Entry.Unit> units(FormHeader header, SubjectFields subject) {
        if (header != null && !header.units().isEmpty()) {
            return header.units();
        }
        return subject.unitText().isBlank() ? List.of() : List.of(new Entry.Unit(subject.unitText(), "", true));
    }

    private static String reference(SubmissionDocument submission) {
        return submission.source() == null ? "" : submission.source().messageId();
    }

    private static String firstNonBlank(String first, String second) {
        return first != null && !first.isBlank() ? first : second;
    }
}
