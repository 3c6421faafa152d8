package cn.dataelements.contest.entry;

import cn.dataelements.contest.catalog.Catalog;
import cn.dataelements.contest.catalog.Direction;
import cn.dataelements.contest.catalog.FormLayout;
import cn.dataelements.contest.catalog.SectionSpec;
import cn.dataelements.contest.catalog.Track;
import cn.dataelements.contest.normalize.FormHeader;
import cn.dataelements.contest.normalize.SectionVocabulary;
import cn.dataelements.contest.normalize.SubjectFields;
import java.util.List;
import java.util.Optional;

/** Turns the catalog's form layouts into what the normalizer reads, and picks the layout an entry is read with. */
final class Vocabularies {

    /** Tracks 1-12 all use this track's five sections; it is the layout when the track is not known yet. */
    private static final int FIVE_SECTION_TRACK = 1;

    private Vocabularies() {}

    static SectionVocabulary of(FormLayout layout) {
        return new SectionVocabulary(layout.sections().stream()
                .map(s -> new SectionVocabulary.SectionTerm(
                        s.key(),
                        s.title(),
                        s.synonyms(),
                        s.parts().stream()
                                .map(p -> new SectionVocabulary.PartTerm(p.key(), p.title(), p.synonyms()))
                                .toList()))
                .toList());
    }

    /** Every section the catalog knows: enough to find the header fields before the track is known. */
    static SectionVocabulary any(Catalog catalog) {
        return of(new FormLayout(catalog.sections()));
    }

    /**
     * The track's own layout; for a track with directions (数字机关), the direction named in the form or subject;
     * when the track is unknown, the five sections of tracks 1-12.
     */
    static FormLayout layoutOf(Optional<Track> track, FormHeader header, SubjectFields subject, Catalog catalog) {
        Track known = track.orElse(catalog.tracks().track(FIVE_SECTION_TRACK));
        if (!known.directions().isEmpty()) {
            String said = (header == null ? "" : header.trackText() + " " + header.topic()) + " " + subject.trackText();
            return known.findDirection(said)
                    .or(() -> known.directions().stream()
                            .filter(d -> !d.form().isEmpty())
                            .findFirst())
                    .map(Direction::form)
                    .orElse(FormLayout.none());
        }
        return known.form();
    }

    static List<FormSection> missingSections(FormLayout layout) {
        return layout.sections().stream().map(Vocabularies::missing).toList();
    }

    private static FormSection missing(SectionSpec spec) {
        return new FormSection(spec.key(), spec.title(), false, "", "", List.of());
    }
}
