package cn.dataelements.contest.catalog;

import java.util.List;

/**
 * A direction of a track that splits in two (数字机关: 数据赋能 submits a work, 数字技能 takes an exam), each with its
 * own form and materials.
 *
 * @param key stable key, e.g. empowerment
 * @param name its name, e.g. 数据赋能
 * @param aliases other names for it in free text
 * @param form the sections its work has (none for 数字技能)
 * @param materials what it asks for
 */
public record Direction(
        String key, String name, List<String> aliases, FormLayout form, List<MaterialRequirement> materials) {

    public Direction {
        aliases = List.copyOf(aliases);
        materials = List.copyOf(materials);
    }
}
