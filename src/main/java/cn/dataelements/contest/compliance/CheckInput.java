package cn.dataelements.contest.compliance;

import cn.dataelements.contest.entry.Entry;
import java.util.Map;
import java.util.Objects;

/**
 * What the pre-check looks at for one entry.
 *
 * @param entry the entry
 * @param texts the extracted text of its materials, by material path (proof documents are searched for other
 *     organizations' names); a material without text is simply not searched
 * @param arrivedByChannel the channel it came by: {@code mail}, {@code portal} or {@code export}
 */
public record CheckInput(Entry entry, Map<String, String> texts, String arrivedByChannel) {

    public CheckInput {
        Objects.requireNonNull(entry, "entry");
        texts = texts == null ? Map.of() : Map.copyOf(texts);
        arrivedByChannel = arrivedByChannel == null ? "" : arrivedByChannel;
    }
}
