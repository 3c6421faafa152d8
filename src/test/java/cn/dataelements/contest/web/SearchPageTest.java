package cn.dataelements.contest.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

class SearchPageTest {

    @Test
    void numberedPagesShowTheEndsAndTwoEitherSideOfTheCurrent() {
        MultiValueMap<String, String> kept = new LinkedMultiValueMap<>();
        kept.add("q", "数据 要素");

        List<SearchPage.PageLink> pages = SearchPage.pages(kept, 7, 401);

        assertThat(pages.stream().map(SearchPage.PageLink::label))
                .containsExactly("上一页", "1", "…", "5", "6", "7", "8", "9", "…", "21", "下一页");
        assertThat(pages.stream().filter(SearchPage.PageLink::current).map(SearchPage.PageLink::label))
                .containsExactly("7");
        assertThat(pages.get(0).href()).isEqualTo("/search?q=%E6%95%B0%E6%8D%AE+%E8%A6%81%E7%B4%A0&page=6");
    }

    @Test
    void onePageHasNoLinksAndTheLastReachablePageEndsTheList() {
        assertThat(SearchPage.pages(new LinkedMultiValueMap<>(), 1, 20)).isEmpty();
        assertThat(SearchPage.pages(new LinkedMultiValueMap<>(), 1, 50_000).stream()
                        .map(SearchPage.PageLink::label))
                .as("Elasticsearch's window of 10,000 hits is 500 pages of 20")
                .containsExactly("1", "2", "3", "…", "500", "下一页");
    }
}
