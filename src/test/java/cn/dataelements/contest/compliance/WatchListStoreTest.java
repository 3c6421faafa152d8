package cn.dataelements.contest.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.dataelements.contest.compliance.ImportReport.RejectedRow;
import cn.dataelements.contest.support.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Imported lists are kept in the database as received; the newest of a kind is in force, every import stays. */
class WatchListStoreTest {

    private static final Instant NOON_BEIJING = Instant.parse("2025-06-01T04:00:00Z");

    private final TestDatabase database = TestDatabase.fresh();

    private WatchListStore store() {
        return new WatchListStore(database.jdbc(), Clock.fixed(NOON_BEIJING, ZoneOffset.UTC));
    }

    @Test
    void aGbkListIsStoredWithItsDateAndItsRowsRead() throws IOException {
        byte[] gbk = ("单位名称,统一社会信用代码\r\n威海某某失信科技有限公司,91371002401452251L\r\n"
                        + "仅有名称的单位,\r\n,\r\n坏代码公司,91371002401452251X\r\n")
                .getBytes(Charset.forName("GBK"));

        ImportReport report = store().importList(ListKind.DISHONEST, "失信名单 6月.csv", new ByteArrayInputStream(gbk));

        assertThat(report.rows()).isEqualTo(2);
        assertThat(report.rejectedRows())
                .containsExactly(
                        new RejectedRow(4, "单位名称和统一社会信用代码都为空"), new RejectedRow(5, "统一社会信用代码“91371002401452251X”不正确"));
        assertThat(database.jdbc()
                        .sql("select content from watch_list_imports where name = ?")
                        .param("失信名单 6月.csv")
                        .query((rs, n) -> rs.getBytes(1))
                        .single())
                .as("kept as received")
                .isEqualTo(gbk);
        assertThat(report.list())
                .isEqualTo(new ListImport(
                        ListKind.DISHONEST, "2025-06-01T120000-失信名单 6月.csv", "失信名单 6月.csv", NOON_BEIJING, 2, true));
        assertThat(store().current(ListKind.DISHONEST).find("威海某某失信科技有限公司", ""))
                .hasValueSatisfying(r -> assertThat(r.creditCode()).isEqualTo("91371002401452251L"));
    }

    @Test
    void theNewestImportIsInForceAndOlderOnesAreKept() {
        WatchListStore store = store();
        store.importList(ListKind.PROVINCIAL, "v1.csv", utf8("单位名称,统一社会信用代码,作品名称\n甲公司,,甲作品\n乙公司,,乙作品\n"));
        store.importList(ListKind.PROVINCIAL, "v2.csv", utf8("\uFEFF单位名称,统一社会信用代码,作品名称\n甲公司,,甲作品\n"));

        assertThat(store().imports())
                .extracting(ListImport::file, ListImport::rows, ListImport::inForce)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("2025-06-01T120000-v1.csv", 2, false),
                        org.assertj.core.groups.Tuple.tuple("2025-06-01T120000-v2.csv", 1, true));
        assertThat(store().current(ListKind.PROVINCIAL).rows()).containsExactly(new ListRow(2, "甲公司", "", "甲作品"));
        assertThat(store().current(ListKind.DISHONEST).rows()).isEmpty();
    }

    @Test
    void aProvincialRowNeedsAWorkTitle() {
        ImportReport report = store().importList(ListKind.PROVINCIAL, "p.csv", utf8("单位名称,统一社会信用代码,作品名称\n甲公司,,\n"));

        assertThat(report.rejectedRows()).containsExactly(new RejectedRow(2, "作品名称为空"));
    }

    @Test
    void aRejectedRowIsNamedByTheLineItStartsOnAfterAQuotedFieldSpanningLines() {
        ImportReport report = store().importList(
                        ListKind.PROVINCIAL, "p.csv", utf8("单位名称,统一社会信用代码,作品名称\n\"甲公司\n（威海分公司）\",,甲作品\n\n乙公司,,\n"));

        assertThat(report.rows()).isEqualTo(1);
        assertThat(report.rejectedRows()).containsExactly(new RejectedRow(5, "作品名称为空"));
    }

    @Test
    void aWrongHeaderStoresNothingAndSaysWhatIsValid() {
        assertThatThrownBy(() -> store().importList(ListKind.PROVINCIAL, "p.csv", utf8("名称,代码\n甲公司,\n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("单位名称,统一社会信用代码,作品名称");
        assertThat(store().imports()).isEmpty();
    }

    @Test
    void theOriginalNameCannotLeaveTheListFolder() {
        assertThat(WatchListStore.safeName("../../etc/passwd")).isEqualTo("passwd.csv");
        assertThat(WatchListStore.safeName("C:\\名单\\失信.csv")).isEqualTo("失信.csv");
        assertThat(WatchListStore.safeName("")).isEqualTo("list.csv");
    }

    private static ByteArrayInputStream utf8(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
