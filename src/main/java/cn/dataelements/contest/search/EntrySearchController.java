package cn.dataelements.contest.search;

import cn.dataelements.contest.account.AuditLog;
import cn.dataelements.contest.account.EntryAccess;
import cn.dataelements.contest.system.web.Labels;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
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
 * highlights, each facet's counts, and the next page's token. A user sees only the entries {@link EntryAccess} lets
 * them see, in the hits, the totals and the counts alike.
 */
@RestController
class EntrySearchController {

    private final EntrySearch search;
    private final EntryAccess access;
    private final AuditLog audit;

    private final Labels labels;

    EntrySearchController(EntrySearch search, EntryAccess access, AuditLog audit, Labels labels) {
        this.labels = labels;
        this.search = search;
        this.access = access;
        this.audit = audit;
    }

    @Operation(
            summary = "Search entries",
            description = "Words (Chinese folded: traditional, full-width), facet filters with counts, sort, "
                    + "search_after paging. Facets: track, topic, channel, severity, code, decision, status, unit.")
    @GetMapping("/api/search")
    EntrySearch.Result search(
            @Parameter(description = "the words; empty for every entry") @RequestParam(name = "q", defaultValue = "")
                    String text,
            @Parameter(description = "hits per page, at most 200") @RequestParam(name = "size", defaultValue = "20")
                    int size,
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters,
            Authentication who) {
        try {
            return search.search(SearchParameters.request(parameters, size, only(who)));
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
    @Operation(summary = "Export a search's hits as xlsx or csv", description = "The parameters of /api/search.")
    @GetMapping("/api/search/export")
    void export(
            @RequestParam(name = "format", defaultValue = "xlsx") String format,
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters,
            Authentication who,
            HttpServletResponse response)
            throws IOException {
        SearchExport.respond(search, format, parameters, only(who), labels, response);
        audit.record(who.getName(), "search.export", "", parameters.toString());
    }

    private java.util.Set<String> only(Authentication who) {
        return access.of(who).only().orElse(null);
    }
}
