package cn.dataelements.contest.catalog;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The contest's 14 tracks as loaded from mappings/tracks.yaml, with the look-ups intake needs: a track by number, a
 * track named somewhere in free text (a mail subject "现代农业-威海市某某公司-作品名", a form field "赛道：数据要素×现代农业"),
 * a topic of a track named in free text. Text is compared after NFKC, traditional-to-simplified and lower-casing.
 */
public final class TrackCatalog {

    private final List<Track> tracks;
    private final List<Name> names;

    /** A name or alias of a track, normalized once. */
    private record Name(String text, Track track) {}

    /** A name found in a text: where it starts and how long it is. */
    private record Hit(int start, int length, Track track) {}

    public TrackCatalog(List<Track> tracks) {
        this.tracks = List.copyOf(tracks);
        this.names = this.tracks.stream()
                .flatMap(t -> Stream.concat(Stream.of(t.name()), t.aliases().stream())
                        .map(n -> new Name(ChineseText.normalize(n), t)))
                .filter(n -> !n.text().isEmpty())
                .toList();
    }

    /** All tracks in number order. */
    public List<Track> tracks() {
        return tracks;
    }

    /**
     * The track with this number.
     *
     * @throws IllegalArgumentException when there is none (numbers are 1-14)
     */
    public Track track(int number) {
        return tracks.stream()
                .filter(t -> t.number() == number)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "no track " + number + "; tracks are numbered 1-" + tracks.size()));
    }

    /**
     * The track that free text names, by name or alias. When several do, the one named first wins, and at the same
     * place the longer name (赛道十二 over 赛道十): a subject starts with the track, a work's title may mention another.
     */
    public Optional<Track> findTrack(String text) {
        String haystack = ChineseText.normalize(text);
        return names.stream()
                .map(n -> new Hit(haystack.indexOf(n.text()), n.text().length(), n.track()))
                .filter(h -> h.start() >= 0)
                .min(Comparator.comparingInt(Hit::start)
                        .thenComparing(Comparator.comparingInt(Hit::length).reversed()))
                .map(Hit::track);
    }

    /**
     * The topic of the track that free text names: its whole title, else its number (赛题2, 赛题：二), else one clause of
     * its title on its own (提升创新研发能力).
     */
    public Optional<Topic> findTopic(Track track, String text) {
        String haystack = ChineseText.normalize(text);
        Optional<Topic> byTitle = first(track, t -> haystack.contains(ChineseText.normalize(t.title())));
        if (byTitle.isPresent()) {
            return byTitle;
        }
        Optional<Topic> byNumber = track.topic(TextMatch.topicNumber(haystack));
        if (byNumber.isPresent()) {
            return byNumber;
        }
        return first(
                track,
                t -> TextMatch.clauses(ChineseText.normalize(t.title())).stream()
                        .anyMatch(haystack::contains));
    }

    private static Optional<Topic> first(Track track, Predicate<Topic> test) {
        return track.topics().stream().filter(test).findFirst();
    }
}
