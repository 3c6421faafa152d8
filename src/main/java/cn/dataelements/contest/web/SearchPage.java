package cn.dataelements.contest.web;

import cn.dataelements.contest.account.AuditLog;
import cn.dataelements.contest.account.EntryAccess;
import cn.dataelements.contest.search.EntrySearch;
import cn.dataelements.contest.search.InvalidSearchException;
import cn.dataelements.contest.search.SearchExport;
import cn.dataelements.contest.search.SearchParameters;
import cn.dataelements.contest.system.web.Labels;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 搜索: the query box, filters with counts (a click adds or removes one), highlighted hits on numbered pages, and the
 * export of the whole result list. Words find the entries holding them as written (完全匹配) first and alone; the
 * entries holding only some of their parts (部分匹配) are counted and one click away, and shown at once when nothing
 * matches in full. The highlights come HTML-escaped, the hits only in {@code <em>}.
 */
@Controller
class SearchPage {

    private static final int PAGE = 20;

    private final EntrySearch search;
    private final EntryAccess access;
    private final AuditLog audit;

    private final Labels labels;

    SearchPage(Labels labels, EntrySearch search, EntryAccess access, AuditLog audit) {
        this.labels = labels;
        this.search = search;
        this.access = access;
        this.audit = audit;
    }

    /** A facet's value on the page: its count, whether it is chosen, and the link that toggles it. */
    record FacetValue(String value, String label, long count, boolean chosen, String href) {}

    record Facet(String name, String label, List<FacetValue> values) {}

    /** A link to a numbered page; a gap between numbers has no link. */
    record PageLink(String label, String href, boolean current) {}

    @GetMapping("/search")
    String search(@RequestParam MultiValueMap<String, String> parameters, Authentication who, Model model)
            throws IOException {
        model.addAttribute("q", parameters.getFirst("q") == null ? "" : parameters.getFirst("q"));
        model.addAttribute("from", parameters.getFirst("from"));
        model.addAttribute("to", parameters.getFirst("to"));
        model.addAttribute("sort", parameters.getFirst("sort") == null ? "" : parameters.getFirst("sort"));
        List<Map.Entry<String, String>> chosenFilters = new ArrayList<>();
        SearchParameters.filters(parameters)
                .forEach((name, values) -> values.forEach(v -> chosenFilters.add(Map.entry(name, v))));
        model.addAttribute("chosenFilters", chosenFilters);
        MultiValueMap<String, String> unfiltered = new LinkedMultiValueMap<>();
        for (String kept : List.of("q", "from", "to", "sort")) {
            if (parameters.containsKey(kept)) {
                unfiltered.put(kept, new ArrayList<>(parameters.get(kept)));
            }
        }
        model.addAttribute("clearFilters", link("/search", unfiltered));
        MultiValueMap<String, String> asked = without(parameters, "after");
        boolean words = !model.getAttribute("q").toString().isBlank();
        if (words && !asked.containsKey("matches")) {
            asked.add("matches", "full");
        }
        EntrySearch.Result result;
        try {
            result = search.search(SearchParameters.request(asked, PAGE, only(who)));
            if (words && result.full() == 0 && result.partial() > 0 && !parameters.containsKey("matches")) {
                asked = with(asked, "matches", "all");
                result = search.search(SearchParameters.request(asked, PAGE, only(who)));
                model.addAttribute("onlyPartial", true);
            }
        } catch (InvalidSearchException e) {
            // a reversed or malformed date range is said, never answered with 0
            model.addAttribute("error", e.messageZh());
            return "search";
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", "搜索条件有误：" + e.getMessage());
            return "search";
        }
        List<Facet> facets = new ArrayList<>();
        for (String name : SearchParameters.facetNames()) {
            List<String> chosen = parameters.getOrDefault(name, List.of());
            List<FacetValue> values = new ArrayList<>();
            for (EntrySearch.Count count : result.facets().getOrDefault(name, List.of())) {
                values.add(new FacetValue(
                        count.value(),
                        count.value() == null || count.value().isBlank() ? "（未填写）" : labels.of(count.value()),
                        count.count(),
                        chosen.contains(count.value()),
                        toggle(asked, name, count.value())));
            }
            facets.add(new Facet(name, labels.facet(name), values));
        }
        model.addAttribute("result", result);
        model.addAttribute("facets", facets);
        model.addAttribute("words", words);
        boolean fullOnly = "full".equals(asked.getFirst("matches"));
        model.addAttribute("fullOnly", fullOnly);
        if (words && result.partial() > 0 && !model.containsAttribute("onlyPartial")) {
            model.addAttribute(
                    "matchesToggle",
                    link("/search", with(without(asked, "page"), "matches", fullOnly ? "all" : "full")));
        }
        MultiValueMap<String, String> kept = without(asked, "page");
        model.addAttribute("exportXlsx", link("/search/export", with(kept, "format", "xlsx")));
        model.addAttribute("exportCsv", link("/search/export", with(kept, "format", "csv")));
        model.addAttribute("pages", pages(kept, SearchParameters.page(asked.getFirst("page")), result.total()));
        return "search";
    }

    /**
     * The numbered pages around the current one: the first, the last, two either side of the current, gaps between,
     * and the previous and next pages; none when everything fits on one page.
     */
    static List<PageLink> pages(MultiValueMap<String, String> kept, int current, long total) {
        long reachable = Math.min(total, EntrySearch.MAX_SKIP);
        int last = (int) Math.max(1, (reachable + PAGE - 1) / PAGE);
        List<PageLink> pages = new ArrayList<>();
        if (last == 1) {
            return pages;
        }
        if (current > 1) {
            pages.add(new PageLink("上一页", link("/search", with(kept, "page", String.valueOf(current - 1))), false));
        }
        int previous = 0;
        for (int page = 1; page <= last; page++) {
            if (page != 1 && page != last && Math.abs(page - current) > 2) {
                continue;
            }
            if (page - previous > 1) {
                pages.add(new PageLink("…", null, false));
            }
            pages.add(new PageLink(
                    String.valueOf(page), link("/search", with(kept, "page", String.valueOf(page))), page == current));
            previous = page;
        }
        if (current < last) {
            pages.add(new PageLink("下一页", link("/search", with(kept, "page", String.valueOf(current + 1))), false));
        }
        return pages;
    }

    @GetMapping("/search/export")
    void export(
            @RequestParam(name = "format", defaultValue = "xlsx") String format,
            @RequestParam MultiValueMap<String, String> parameters,
            Authentication who,
            HttpServletResponse response)
            throws IOException {
        SearchExport.respond(search, format, parameters, only(who), labels, response);
        audit.record(who.getName(), "search.export", "", parameters.toString());
    }

    private Set<String> only(Authentication who) {
        return access.of(who).only().orElse(null);
    }

    private static String toggle(MultiValueMap<String, String> parameters, String name, String value) {
        MultiValueMap<String, String> next = without(parameters, "page");
        List<String> values = new ArrayList<>(next.getOrDefault(name, List.of()));
        if (!values.remove(value)) {
            values.add(value);
        }
        next.put(name, values);
        return link("/search", next);
    }

    private static MultiValueMap<String, String> without(MultiValueMap<String, String> parameters, String name) {
        MultiValueMap<String, String> copy = new LinkedMultiValueMap<>();
        parameters.forEach((k, v) -> {
            if (!k.equals(name)) {
                copy.put(k, new ArrayList<>(v));
            }
        });
        return copy;
    }

    private static MultiValueMap<String, String> with(
            MultiValueMap<String, String> parameters, String name, String value) {
        MultiValueMap<String, String> copy = without(parameters, name);
        copy.add(name, value);
        return copy;
    }

    /** A link with its parameters, each name and value form-encoded ({@code +} and {@code &} in a value survive). */
    private static String link(String path, MultiValueMap<String, String> parameters) {
        StringBuilder link = new StringBuilder(path);
        char separator = '?';
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            for (String value : parameter.getValue()) {
                link.append(separator)
                        .append(URLEncoder.encode(parameter.getKey(), StandardCharsets.UTF_8))
                        .append('=')
                        .append(URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8));
                separator = '&';
            }
        }
        return link.toString();
    }
}
