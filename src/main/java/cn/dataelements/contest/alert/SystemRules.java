package cn.dataelements.contest.alert;

import cn.dataelements.contest.intake.IntakeHealth;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The alert rules of the running system: a route that is down (its source cannot be polled, an outage, an item waiting
 * past its limit), the data folder's file system nearly full, Elasticsearch or the database unreachable.
 */
@Configuration(proxyBeanMethods = false)
class SystemRules {

    /** A route DOWN, by the same reasons as its health. */
    @Bean
    AlertRule routesDown(IntakeHealth health) {
        return now -> {
            List<AlertRule.Condition> down = new ArrayList<>();
            for (String route : health.routes()) {
                List<String> reasons = health.downReasons(route);
                if (!reasons.isEmpty()) {
                    down.add(new AlertRule.Condition(
                            "route:" + route,
                            "收件路由 " + route + " 停止收件",
                            "路由 " + route + " 无法正常收件，请在“收件”页查看原因：" + String.join("；", reasons)));
                }
            }
            return down;
        };
    }

    /** Less than {@code intake.alerts.min-free-disk} of the data folder's file system free. */
    @Bean
    AlertRule diskNearlyFull(AlertProperties properties, @Value("${intake.data-dir}") Path dataDir) {
        return now -> {
            try {
                Path existing = dataDir.toAbsolutePath();
                while (existing != null && !Files.exists(existing)) {
                    existing = existing.getParent();
                }
                if (existing == null) {
                    return List.of();
                }
                FileStore store = Files.getFileStore(existing);
                double free = (double) store.getUsableSpace() / store.getTotalSpace();
                if (free < properties.minFreeDisk()) {
                    return List.of(new AlertRule.Condition(
                            "disk",
                            "数据目录所在磁盘空间不足",
                            String.format(
                                    "数据目录 %s 所在磁盘仅剩 %.1f%% 可用（低于 %.0f%%），收件和存档可能中断，请尽快扩容或清理。",
                                    dataDir, free * 100, properties.minFreeDisk() * 100)));
                }
                return List.of();
            } catch (IOException e) {
                return List.of();
            }
        };
    }

    /** The stage deadline within 24 and within 2 hours, with what still waits for people. */
    @Bean
    AlertRule deadlineNear(
            cn.dataelements.contest.entry.EntryProperties stage,
            cn.dataelements.contest.search.EntrySearch search,
            org.springframework.jdbc.core.simple.JdbcClient db) {
        return new DeadlineRule(stage.deadlineInstant(), () -> {
            long undecided;
            try {
                undecided = search.search(new cn.dataelements.contest.search.EntrySearch.Request(
                                "",
                                Map.of("severity", List.of("blocking"), "decision", List.of("undecided")),
                                null,
                                null,
                                null,
                                null,
                                1))
                        .total();
            } catch (java.io.IOException | RuntimeException e) {
                undecided = -1;
            }
            long withoutForm = DeadlineRule.entriesWithoutForm(db);
            return "仍待处理：有未裁定阻断问题的作品 " + (undecided < 0 ? "（检索服务暂不可用，无法统计）" : undecided + " 件") + "；没有可读申报书的作品 "
                    + withoutForm + " 件。";
        });
    }

    /** Elasticsearch or the database not answering, as their health indicators say. */
    @Bean
    AlertRule dependenciesDown(Map<String, HealthIndicator> indicators) {
        return now -> {
            List<AlertRule.Condition> down = new ArrayList<>();
            indicators.forEach((name, indicator) -> {
                boolean search = name.toLowerCase().contains("elasticsearch");
                boolean database = name.toLowerCase().contains("database");
                if ((search || database)
                        && Status.DOWN.equals(indicator.health().getStatus())) {
                    down.add(new AlertRule.Condition(
                            search ? "elasticsearch" : "database",
                            search ? "检索服务（Elasticsearch）无法连接" : "数据库无法连接",
                            search ? "检索服务无法连接：新收件会在恢复后补入检索，搜索暂不可用。" : "数据库无法连接：收件暂停，恢复后自动继续。"));
                }
            });
            return down;
        };
    }
}
