package cn.dataelements.contest.compliance;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The lists organizers import; the path name is the folder under the lists folder and the REST path segment. */
public enum ListKind {
    /** 失信名单: units that may not enter. Columns 单位名称, 统一社会信用代码. */
    DISHONEST,
    /** Teams registered with the provincial contest. Columns 单位名称, 统一社会信用代码, 作品名称. */
    PROVINCIAL;

    /** The name in paths, e.g. {@code dishonest}. */
    public String pathName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind a path names, e.g. {@code provincial}. */
    public static Optional<ListKind> fromPath(String value) {
        return Arrays.stream(values()).filter(k -> k.pathName().equals(value)).findFirst();
    }
}
