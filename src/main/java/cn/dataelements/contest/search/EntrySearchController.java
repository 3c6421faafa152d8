package cn.dataelements.contest.search;

import cn.dataelements.contest.intake.records.SourceTimes;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/search}: entries by words and filters. Parameters: {@code q} (the words), a facet name with a value
 * for each filter, repeated for any of several ({@code track}, {@code topic}, {@code channel}, {@code severity},
 * {@code code}, {@code decision}, {@code status}, {@code unit}), {@code from} and {@code to} (received on or after, on
 * or before, as dates in Beijing time), {@code sort} ({@code relevance}, {@code received}, {@code title}), {@code size}
 * (at most 200) and {@code after} (the {@code next} token of the page before). Answers the total, the hits with their
 * highlights, each facet's counts, and the next page's token.
 */
@RestController
class EntrySearchController {

    private final EntrySearch search;

    EntrySearchController(EntrySearch search) {
        this.search = search;
    }

    @GetMapping("/api/search")
    EntrySearch.Result search(
            @RequestParam(name = "q", defaultValue = "") String text,
            @RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "to", required = false) String to,
            @RequestParam(name = "sort", required = false) String sort,
            @RequestParam(name = "after", required = false) String after,
            @RequestParam(name = "size", defaultValue = "20") int size,
            @RequestParam MultiValueMap<String, String> parameters) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        EntrySearch.FACETS.keySet().forEach(name -> {
            List<String> values = parameters.get(name);
            if (values != null && !values.isEmpty()) {
                filters.put(name, values);
            }
        });
        try {
            return search.search(
                    new EntrySearch.Request(text, filters, day(from, 0), day(to, 1), sort(sort), after, size));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage(), e);
        } catch (IOException e) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "Elasticsearch cannot be reached", e);
        }
    }

    /**
     * {@code GET /api/search/export?format=xlsx|csv} with the parameters of a search: every hit of the search (at most
     * {@value EntrySearch#MAX_EXPORT}) as a file to download.
     */
    @GetMapping("/api/search/export")
    void export(
            @RequestParam(name = "format", defaultValue = "xlsx") String format,
            @RequestParam(name = "q", defaultValue = "") String text,
            @RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "to", required = false) String to,
            @RequestParam(name = "sort", required = false) String sort,
            @RequestParam MultiValueMap<String, String> parameters,
            jakarta.servlet.http.HttpServletResponse response)
            throws IOException {
        boolean csv = "csv".equalsIgnoreCase(format);
        if (!csv && !"xlsx".equalsIgnoreCase(format)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "format is xlsx or csv, not " + format);
        }
        List<EntrySearch.EntryHit> hits;
        try {
            hits = search.all(new EntrySearch.Request(
                    text, filters(parameters), day(from, 0), day(to, 1), sort(sort), null, EntrySearch.MAX_SIZE));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage(), e);
        }
        String name = "entries-" + java.time.LocalDate.now(SourceTimes.BEIJING) + (csv ? ".csv" : ".xlsx");
        response.setContentType(
                csv ? "text/csv; charset=UTF-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (csv) {
            SearchExport.csv(hits, response.getOutputStream());
        } else {
            SearchExport.xlsx(hits, response.getOutputStream());
        }
    }

    private static Map<String, List<String>> filters(MultiValueMap<String, String> parameters) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        EntrySearch.FACETS.keySet().forEach(name -> {
            List<String> values = parameters.get(name);
            if (values != null && !values.isEmpty()) {
                filters.put(name, values);
            }
        });
        return filters;
    }

    private static EntrySearch.Sort sort(String sort) {
        if (sort == null || sort.isBlank()) {
            return null;
        }
        try {
            return EntrySearch.Sort.valueOf(sort.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sort is relevance, received or title, not " + sort);
        }
    }

    /** The start of a day in Beijing, plus some days. */
    private static Instant day(String date, int plusDays) {
        if (date == null || date.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(date.strip())
                    .plusDays(plusDays)
                    .atStartOfDay(SourceTimes.BEIJING)
                    .toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("a date is written 2024-08-20, not " + date);
        }
    }
}
