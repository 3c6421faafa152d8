package cn.dataelements.contest.intake.portal;

import static cn.dataelements.contest.intake.portal.PortalFixtures.registration;
import static org.assertj.core.api.Assertions.assertThat;

import cn.dataelements.contest.intake.records.SourceMapping;
import cn.dataelements.contest.intake.source.PolledSource;
import cn.dataelements.contest.support.PortalStandIn;
import cn.dataelements.contest.support.TestDatabase;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The poll against the stand-in, without the rest of the app: a record edited while the poll runs moves to the end of
 * the listing and shifts the numbered pages, yet no record is skipped, the edit is taken once and nothing unchanged
 * twice.
 */
class PortalPollerTest {

    @TempDir
    Path dir;

    private final TestDatabase database = TestDatabase.fresh();

    @Test
    void aRecordEditedDuringThePollShiftsThePagesButNothingIsSkipped() throws Exception {
        try (PortalStandIn portal = new PortalStandIn()) {
            for (int n = 1; n <= 7; n++) {
                portal.put(record(n, "2024-08-20 0" + n + ":00:00"));
            }
            PortalPoller poller = poller(portal);
            List<String> handed = new ArrayList<>();
            poller.poll(handoff(handed, () -> {
                if (handed.size() == 1) {
                    // the first record is edited while the poll reads page 1: every later record moves up a place
                    portal.put(record(1, "2024-08-21 09:00:00"));
                }
            }));

            assertThat(handed).contains("P2", "P3", "P4", "P5", "P6", "P7");

            List<String> next = new ArrayList<>();
            poller.poll(handoff(next, () -> {}));
            List<String> both = new ArrayList<>(handed);
            both.addAll(next);
            assertThat(both)
                    .as("the record, and its edit once")
                    .filteredOn("P1"::equals)
                    .hasSize(2);
            assertThat(next).as("nothing unchanged is handed again").doesNotContain("P2", "P3", "P4", "P5", "P6", "P7");
        }
    }

    @Test
    void aRecordLeftToBeTriedAgainIsAskedForAtTheNextPoll() throws Exception {
        try (PortalStandIn portal = new PortalStandIn()) {
            for (int n = 1; n <= 5; n++) {
                portal.put(record(n, "2024-08-20 0" + n + ":00:00"));
            }
            PortalPoller poller = poller(portal);
            List<String> first = new ArrayList<>();
            poller.poll(handoff(first, id -> id.equals("P4") ? PolledSource.Handed.LEFT : PolledSource.Handed.TAKEN));
            List<String> second = new ArrayList<>();
            poller.poll(handoff(second, () -> {}));

            assertThat(first).containsExactly("P1", "P2", "P3");
            assertThat(second).containsExactly("P4", "P5");
        }
    }

    @Test
    void aRecordThatFailsOnItsOwnDoesNotStopThePollAndIsAskedForAgainWithoutTheOthers() throws Exception {
        try (PortalStandIn portal = new PortalStandIn()) {
            for (int n = 1; n <= 5; n++) {
                portal.put(record(n, "2024-08-20 0" + n + ":00:00"));
            }
            PortalPoller poller = poller(portal);
            List<String> first = new ArrayList<>();
            poller.poll(handoff(first, id -> id.equals("P2") ? PolledSource.Handed.FAILED : PolledSource.Handed.TAKEN));
            assertThat(poller.backlog().waiting()).as("the failed record waits").isEqualTo(1);
            List<String> second = new ArrayList<>();
            poller.poll(handoff(second, () -> {}));

            assertThat(first)
                    .as("the records behind the failed one went on")
                    .containsExactly("P1", "P2", "P3", "P4", "P5");
            assertThat(second).as("only the failed record again").containsExactly("P2");
            assertThat(poller.backlog().waiting()).isZero();
        }
    }

    private PortalPoller poller(PortalStandIn portal) throws Exception {
        Path mappings = Files.createDirectories(dir.resolve("mappings"));
        Files.writeString(
                mappings.resolve("test-portal.mapping.yaml"),
                Files.readString(Path.of("mappings/contest-portal.mapping.yaml"))
                        .replace("page-size: 20", "page-size: 2"));
        SourceMapping mapping = SourceMapping.load(mappings, "test-portal", "portal");
        ObjectMapper json = new ObjectMapper();
        PortalClient client = new PortalClient(
                URI.create(portal.baseUrl() + "/"),
                mapping.listing(),
                PortalLogin.of("none", "", "", mapping.auth(), null),
                Set.of("127.0.0.1"),
                Duration.ofSeconds(5),
                Duration.ofMillis(10),
                PortalClient.http(Duration.ofSeconds(5)),
                json);
        return new PortalPoller(new PortalSource(mapping, client, new PortalState(database.jdbc(), "test-portal"), 10));
    }

    /**
     * Records what is handed, with the outcome it is given by its id; what the outcome leaves behind (a record left
     * or failed) is not recorded as handed.
     */
    private static PolledSource.Handoff handoff(
            List<String> handed, java.util.function.Function<String, PolledSource.Handed> outcome) {
        return new PolledSource.Handoff() {
            @Override
            public boolean running() {
                return true;
            }

            @Override
            public PolledSource.Handed hand(Object item) {
                String id = ((PortalRecord) item).record().path("regId").asText();
                PolledSource.Handed result = outcome.apply(id);
                if (result != PolledSource.Handed.LEFT) {
                    handed.add(id);
                }
                return result;
            }
        };
    }

    /** Records what is handed, as taken, after running a step (which may change the portal meanwhile). */
    private static PolledSource.Handoff handoff(List<String> handed, Runnable after) {
        return new PolledSource.Handoff() {
            @Override
            public boolean running() {
                return true;
            }

            @Override
            public PolledSource.Handed hand(Object item) {
                handed.add(((PortalRecord) item).record().path("regId").asText());
                after.run();
                return PolledSource.Handed.TAKEN;
            }
        };
    }

    private static String record(int n, String updated) {
        return registration(
                "P" + n,
                "平台" + n,
                "工业制造",
                "单位" + n,
                "91371002MA3C00000" + n,
                "1390000000" + n,
                "2024-08-20 00:00:00",
                updated);
    }
}
