package cn.dataelements.contest.normalize;

/**
 * What a track-14 参赛作品登记表 says: its header fields (work title, units, contact) read like an application form's,
 * and the two texts the sheet exists for.
 *
 * @param header work title, units and 联系人 with phone and e-mail, as written
 * @param summary 作品简介, or empty
 * @param highlights 作品亮点, or empty
 */
public record RegistrationSheet(FormHeader header, String summary, String highlights) {

    public boolean isEmpty() {
        return summary.isBlank() && highlights.isBlank() && header.workTitle().isBlank();
    }
}
