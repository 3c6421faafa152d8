package cn.dataelements.contest.catalog;

import cn.dataelements.contest.entry.Entry;
import java.util.List;
import java.util.Optional;

/**
 * A track (赛道) of the contest as the catalog (mappings/tracks.yaml) describes it.
 *
 * @param number 1-14
 * @param name its name, e.g. 工业制造
 * @param channel the channel the guide fixes for it
 * @param aliases other names for it in free text, e.g. 数据要素×工业制造, 赛道一
 * @param topics its topics (赛题) in the guide's order
 * @param form its application form's sections (none when it has directions or is not accepted)
 * @param materials what an entry of it must or should carry (none when it has directions)
 * @param directions its directions (only 数字机关 has any)
 */
public record Track(
        int number,
        String name,
        Channel channel,
        List<String> aliases,
        List<Topic> topics,
        FormLayout form,
        List<MaterialRequirement> materials,
        List<Direction> directions) {

    public Track {
        aliases = List.copyOf(aliases);
        topics = List.copyOf(topics);
        materials = List.copyOf(materials);
        directions = List.copyOf(directions);
    }

    public Optional<Topic> topic(int topicNumber) {
        return topics.stream().filter(t -> t.number() == topicNumber).findFirst();
    }

    public Optional<Direction> direction(String key) {
        return directions.stream().filter(d -> d.key().equals(key)).findFirst();
    }

    /** The direction named in free text (by name or alias), e.g. "方向：数据赋能". */
    public Optional<Direction> findDirection(String text) {
        String haystack = ChineseText.normalize(text);
        return directions.stream()
                .filter(d -> TextMatch.anyIn(haystack, d.name(), d.aliases()))
                .findFirst();
    }

    /** The track as an entry refers to it. */
    public Entry.Track toEntryTrack() {
        return new Entry.Track(number, name);
    }
}
