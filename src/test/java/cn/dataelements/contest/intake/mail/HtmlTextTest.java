package cn.dataelements.contest.intake.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** HTML mail bodies as the text a person reads, through jsoup. */
class HtmlTextTest {

    @Test
    void numericAndNamedEntitiesAreDecodedAndScriptsAndStylesDropped() {
        String html = """
                <html><head><title>标题</title><style>p {color:red}</style></head>
                <body><script>alert('x')</script>
                <p>作品名称：&#28023;&#27915;&#29287;&#22330;&#x6570;&#x636E;平台&nbsp;&amp;&lt;测试&gt;</p>
                <div>联系人：王喆<br>电话：0631-5200000</div><!-- 注释 -->
                <noscript>请启用脚本</noscript></body></html>""";

        assertThat(HtmlText.toText(html)).isEqualTo("作品名称：海洋牧场数据平台 &<测试>\n联系人：王喆\n电话：0631-5200000");
    }

    @Test
    void brokenMarkupStillGivesItsText() {
        assertThat(HtmlText.toText("<p>第一段<p>第二段<table><tr><td>单元格</td></table>"))
                .isEqualTo("第一段\n第二段\n单元格");
    }
}
