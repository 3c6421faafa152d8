package cn.dataelements.contest.search;

import cn.dataelements.contest.intake.records.SourceTimes;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.util.MultiValueMap;

/**
 * A search as a request's parameters write it, for the API and the pages alike: {@code q}, a facet name with a value
 * for each filter, {@code from} and {@code to} as dates in Beijing time, {@code sort}, {@code after}, or {@code page} (numbered from 1)
 * instead, and {@code matches} ({@code full} for the entries holding the words as written only, {@code all} by default).
 */
public final class SearchParameters {

    private SearchParameters() {}

    /**
     * The search the parameters ask for, narrowed to the entries the user may see.
     *
     * @param only the ids the user may see, or null for every entry
     * @throws InvalidSearchException naming the parameter that is wrong, in English and in Chinese
     */
    public static EntrySearch.Request request(MultiValueMap<String, String> parameters, int size, Set<String> only) {
        String text = parameters.getFirst("q");
        Instant from = startOfDay(parameters.getFirst("from"), 0);
        Instant to = startOfDay(parameters.getFirst("to"), 1);
        if (from != null && to != null && !from.isBefore(to)) {
            String start = parameters.getFirst("from").strip();
            String end = parameters.getFirst("to").strip();
            throw new InvalidSearchException(
                    "from " + start + " is after to " + end, "收到日期的开始（" + start + "）晚于结束（" + end + "），请对调后再搜索。");
        }
        return new EntrySearch.Request(
                text == null ? "" : text,
                filters(parameters),
                from,
                to,
                sort(parameters.getFirst("sort")),
                parameters.getFirst("after"),
                size,
                only,
                (int) Math.min(Integer.MAX_VALUE, (page(parameters.getFirst("page")) - 1L) * size),
                fullOnly(parameters.getFirst("matches")));
    }

    /** The page asked for, numbered from 1. */
    public static int page(String page) {
        if (page == null || page.isBlank()) {
            return 1;
        }
        try {
            int number = Integer.parseInt(page.strip());
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new InvalidSearchException(
                "page is a number from 1, not " + page, "页码应是从 1 起的数字，而不是“" + page.strip() + "”。");
    }

    private static boolean fullOnly(String matches) {
        if (matches == null || matches.isBlank() || matches.strip().equals("all")) {
            return false;
        }
        if (matches.strip().equals("full")) {
            return true;
        }
        throw new InvalidSearchException("matches is full or all, not " + matches, "匹配方式只能是完全匹配（full）或全部（all）。");
    }

    /** The facet filters among the parameters, by facet name. */
    public static Map<String, List<String>> filters(MultiValueMap<String, String> parameters) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        EntrySearch.FACETS.keySet().forEach(name -> {
            List<String> values = parameters.get(name);
            if (values != null) {
                List<String> given =
                        values.stream().filter(v -> v != null && !v.isBlank()).toList();
                if (!given.isEmpty()) {
                    filters.put(name, given);
                }
            }
        });
        return filters;
    }

    /** The facet names, in the order the pages show them. */
    public static List<String> facetNames() {
        return List.copyOf(EntrySearch.FACETS.keySet());
    }

    private static EntrySearch.Sort sort(String sort) {
        if (sort == null || sort.isBlank()) {
            return null;
        }
        try {
            return EntrySearch.Sort.valueOf(sort.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidSearchException(
                    "sort is relevance, received or title, not " + sort, "排序只能按相关度、收到时间或作品名称。");
        }
    }

    /**
     * The start of a day written 2024-08-20, in Beijing, plus some days; null for none. The pages' other date filters
     * (审计) read their dates with it too.
     *
     * @throws InvalidSearchException when the date is not written so, in English and in Chinese
     */
    public static Instant startOfDay(String date, int plusDays) {
        if (date == null || date.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(date.strip())
                    .plusDays(plusDays)
                    .atStartOfDay(SourceTimes.BEIJING)
                    .toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidSearchException(
                    "a date is written 2024-08-20, not " + date, "日期应写作 2024-08-20 的格式，而不是“" + date.strip() + "”。");
        }
    }
}
