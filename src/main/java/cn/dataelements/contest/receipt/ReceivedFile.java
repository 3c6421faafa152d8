package cn.dataelements.contest.receipt;

import cn.dataelements.contest.entry.MaterialKind;
import java.util.Objects;

/**
 * One file a receipt lists: its name as the team sent it and what we took it for, as a Chinese label.
 *
 * @param name the file's name as received
 * @param kindZh its kind in Chinese, e.g. 作品申报书
 */
public record ReceivedFile(String name, String kindZh) {

    public ReceivedFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kindZh, "kindZh");
    }

    /** The file with the Chinese label of its material kind. */
    public static ReceivedFile of(String name, MaterialKind kind) {
        return new ReceivedFile(name, label(kind));
    }

    static String label(MaterialKind kind) {
        return kind.labelZh();
    }
}
