package cn.dataelements.contest.web;

import cn.dataelements.contest.account.AuditLog;
import cn.dataelements.contest.account.EntryAccess;
import cn.dataelements.contest.search.EntrySearch;
import cn.dataelements.contest.search.InvalidSearchException;
import cn.dataelements.contest.search.SearchExport;
import cn.dataelements.contest.search.SearchParameters;
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
 * 搜索: the query box, filters with counts (a click adds or removes one), highlighted hits, the next page, and the
 * export of the whole result list. The highlights come HTML-escaped from Elasticsearch, the hits only in {@code <em>}.
 */
@Controller
class SearchPage {

    private static final int PAGE = 20;

    private final EntrySearch search;
    private final EntryAccess access;
    private final AuditLog audit;

    SearchPage(EntrySearch search, EntryAccess access, AuditLog audit) {
        this.search = search;
        this.access = access;
        this.audit = audit;
    }

    /** A facet's value on the page: its count, whether it is chosen, and the link that toggles it. */
    record FacetValue(String value, String label, long count, boolean chosen, String href) {}

    record Facet(String name, String label, List<FacetValue> values) {}

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
        EntrySearch.Result result;
        try {
            result = search.search(SearchParameters.request(parameters, PAGE, only(who)));
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
                        count.value() == null || count.value().isBlank() ? "（未填写）" : Labels.of(count.value()),
                        count.count(),
                        chosen.contains(count.value()),
                        toggle(parameters, name, count.value())));
            }
            facets.add(new Facet(name, Labels.FACETS.getOrDefault(name, name), values));
        }
        model.addAttribute("result", result);
        model.addAttribute("facets", facets);
        MultiValueMap<String, String> kept = without(parameters, "after");
        model.addAttribute("exportXlsx", link("/search/export", with(kept, "format", "xlsx")));
        model.addAttribute("exportCsv", link("/search/export", with(kept, "format", "csv")));
        if (result.next() != null) {
            model.addAttribute("nextPage", link("/search", with(kept, "after", result.next())));
        }
        return "search";
    }

    @GetMapping("/search/export")
    void export(
            @RequestParam(name = "format", defaultValue = "xlsx") String format,
            @RequestParam MultiValueMap<String, String> parameters,
            Authentication who,
            HttpServletResponse response)
            throws IOException {
        SearchExport.respond(search, format, parameters, only(who), response);
        audit.record(who.getName(), "search.export", "", parameters.toString());
    }

    private Set<String> only(Authentication who) {
        return access.of(who).only().orElse(null);
    }

    private static String toggle(MultiValueMap<String, String> parameters, String name, String value) {
        MultiValueMap<String, String> next = without(parameters, "after");
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
