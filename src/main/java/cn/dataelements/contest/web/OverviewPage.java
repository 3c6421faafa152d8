package cn.dataelements.contest.web;

import cn.dataelements.contest.account.EntryAccess;
import cn.dataelements.contest.account.Role;
import cn.dataelements.contest.intake.routes.RouteFiles;
import cn.dataelements.contest.search.EntrySearch;
import cn.dataelements.contest.system.web.Labels;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * 总览: entries per track, channel and day and by finding severity, as charts (ECharts from its WebJar, drawn by
 * {@code /js/overview.js} from each chart's data attribute) and as tables; and each intake route's state.
 */
@Controller
class OverviewPage {

    private final EntrySearch search;
    private final EntryAccess access;
    private final RouteFiles routes;
    private final ObjectMapper json;

    private final Labels labels;

    OverviewPage(Labels labels, EntrySearch search, EntryAccess access, RouteFiles routes, ObjectMapper json) {
        this.labels = labels;
        this.search = search;
        this.access = access;
        this.routes = routes;
        this.json = json;
    }

    /** A chart: its title, and its bars as label and count. */
    record Chart(String id, String title, List<EntrySearch.Count> bars, String data) {}

    @GetMapping("/")
    String overview(Authentication who, Model model) throws IOException {
        // a reviewer's work is 我的评审 and an auditor's the audit log: the overview of entries would be empty for them
        if (PageModel.has(who, Role.REVIEWER)) {
            return "redirect:/reviewing";
        }
        if (PageModel.has(who, Role.AUDITOR)) {
            return "redirect:/audit";
        }
        EntrySearch.Overview overview = search.overview(access.of(who).only().orElse(null));
        Map<String, String> titles = new LinkedHashMap<>();
        titles.put("track", "各赛道作品数");
        titles.put("channel", "各渠道作品数");
        titles.put("severity", "按问题级别的作品数");
        List<Chart> charts = new java.util.ArrayList<>();
        for (Map.Entry<String, String> title : titles.entrySet()) {
            List<EntrySearch.Count> bars = overview.counts().get(title.getKey()).stream()
                    .map(c -> new EntrySearch.Count(labels.of(c.value()), c.count()))
                    .toList();
            charts.add(new Chart(title.getKey(), title.getValue(), bars, data(bars)));
        }
        charts.add(new Chart("day", "每日收到的作品数（北京时间）", overview.perDay(), data(overview.perDay())));
        model.addAttribute("total", overview.total());
        model.addAttribute("charts", charts);
        if (PageModel.has(who, Role.ADMIN) || PageModel.has(who, Role.ORGANIZER)) {
            model.addAttribute("routes", routes.states());
        }
        return "overview";
    }

    private String data(List<EntrySearch.Count> bars) {
        try {
            return json.writeValueAsString(bars);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
