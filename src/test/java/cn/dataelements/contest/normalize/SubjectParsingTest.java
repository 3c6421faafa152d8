package cn.dataelements.contest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Mail subjects in the shapes teams send them. */
class SubjectParsingTest {

    private final MailSubjectParser parser = new MailSubjectParser();

    @ParameterizedTest
    @CsvSource(
            delimiter = '#',
            nullValues = "NULL",
            value = {
                "现代农业-威海市某某科技有限公司-海洋牧场数据智能平台 # 现代农业 # 威海市某某科技有限公司 # 海洋牧场数据智能平台",
                "【现代农业】威海市某某科技有限公司_海洋牧场数据智能平台 # 现代农业 # 威海市某某科技有限公司 # 海洋牧场数据智能平台",
                "现代农业赛道—某某公司—作品名称 # 现代农业 # 某某公司 # 作品名称",
                "转发：现代农业－某某公司－作品名称 # 现代农业 # 某某公司 # 作品名称",
                "Fwd: RE: 回复：交通运输｜某某公司｜智慧港口 # 交通运输 # 某某公司 # 智慧港口",
                "金融服务 – 某某银行 – 普惠信贷-数据风控平台 # 金融服务 # 某某银行 # 普惠信贷-数据风控平台",
                "医疗健康、某某医院、慢病管理平台 # 医疗健康 # 某某医院 # 慢病管理平台",
                "绿色低碳 | 某某集团 | 碳账户 # 绿色低碳 # 某某集团 # 碳账户",
                "科技创新赛道 # 科技创新 # '' # ''",
                "某某科技有限公司-智能客服平台 # '' # 某某科技有限公司 # 智能客服平台",
                "现代农业-海洋牧场平台 # 现代农业 # '' # 海洋牧场平台",
                "现代农业——某某合作社 # 现代农业 # 某某合作社 # ''",
                "参赛作品 # '' # '' # 参赛作品",
                "'' # '' # '' # ''",
                "NULL # '' # '' # ''"
            })
    void readsTrackUnitAndTitle(String subject, String track, String unit, String title) {
        assertThat(parser.parse(subject)).isEqualTo(new SubjectFields(track, unit, title));
    }
}
