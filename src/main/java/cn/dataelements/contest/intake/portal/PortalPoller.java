package cn.dataelements.contest.intake.portal;

import cn.dataelements.contest.intake.records.SourceMapping;
import cn.dataelements.contest.intake.source.PolledSource;
import cn.dataelements.contest.intake.source.PolledSource.Handed;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls a portal's listing from its watermark, less the mapping's overlap, and hands each record to the route in the
 * listing's order; a record the overlap shows again unchanged is skipped before any download. The listing must come in
 * (updated-at, id) order. The watermark moves only past a page whose every record's exchange is over, and the next
 * page is then asked for by that page's last key, not by its number: a record edited meanwhile moves to the end of the
 * listing and shifts the numbered pages, which would hide a record from a poll that walked them by number. Records of
 * one time filling more than a page are walked by number. A record left to be tried again because of an outage ends
 * the poll where it is; one that failed for a reason of its own holds the watermark before it while the poll goes on
 * with the records behind it. A poll killed on any page therefore starts again at or before it: nothing is skipped, and what is seen
 * twice is the same submission, not a second one. A listing found out of order moves no watermark at all.
 */
class PortalPoller implements PolledSource {

    private static final Logger log = LoggerFactory.getLogger(PortalPoller.class);
    private static final Comparator<PortalState.Cursor> ORDER = Comparator.comparing(
                    (PortalState.Cursor c) -> Instant.parse(c.updatedAt()))
            .thenComparing(PortalState.Cursor::id);

    private final PortalSource source;
    private volatile Backlog backlog = Backlog.NONE;

    PortalPoller(PortalSource source) {
        this.source = source;
    }

    @Override
    public int poll(Handoff handoff) throws Exception {
        SourceMapping.Listing listing = source.mapping().listing();
        Optional<PortalState.Cursor> from = source.state().cursor();
        PortalState.Cursor done = from.orElse(null);
        boolean byKey = listing.updatedSinceParam() != null && !listing.byCursor();
        boolean ordered = true;
        // once a record failed, the watermark stays before it for the rest of the poll: the next poll starts there,
        // takes that record again and skips the ones taken meanwhile by their fingerprints
        boolean held = false;
        Waiting waiting = new Waiting();
        int handed = 0;
        PortalClient.Page page = source.client()
                .first(from.map(c -> Instant.parse(c.updatedAt()).minusSeconds(listing.overlap()))
                        .orElse(null));
        while (page != null) {
            PortalState.Cursor last = null;
            for (JsonNode record : page.records()) {
                if (!handoff.running()) {
                    backlog = waiting.backlog();
                    return handed;
                }
                PortalSource.Listed listed = source.listed(record);
                String id = listed.id();
                String fingerprint = listed.fingerprint();
                // a record the overlap shows again unchanged was taken in before: nothing to download
                boolean unchanged = !id.isEmpty() && source.state().seen(id, fingerprint);
                if (!unchanged) {
                    handed++;
                    Handed outcome = handoff.hand(new PortalRecord(source, record));
                    if (outcome == Handed.LEFT) {
                        waiting.add(listed);
                        backlog = waiting.backlog();
                        return handed;
                    }
                    if (outcome == Handed.FAILED) {
                        held = true;
                        waiting.add(listed);
                    } else if (!id.isEmpty()) {
                        source.state().taken(id, fingerprint);
                    }
                }
                Optional<PortalState.Cursor> key = listed.key();
                if (key.isPresent()) {
                    if (last != null && ORDER.compare(key.get(), last) < 0 && ordered) {
                        ordered = false;
                        log.warn(
                                "Portal listing {} is not in (updated-at, id) order: its watermark stays where it is",
                                listing.path());
                    }
                    last = key.get();
                }
            }
            boolean progressed = ordered && !held && last != null && (done == null || ORDER.compare(last, done) > 0);
            if (progressed) {
                source.state().advance(last);
                done = last;
            }
            if (page.next() == null) {
                break;
            }
            page = byKey && progressed
                    ? source.client().first(Instant.parse(last.updatedAt()).minusSeconds(1))
                    : source.client().next(page);
        }
        backlog = waiting.backlog();
        return handed;
    }

    @Override
    public Backlog backlog() {
        return backlog;
    }

    /** The records a poll left behind: how many, and the portal's time of the oldest. */
    private static final class Waiting {
        private int count;
        private Instant oldest;

        void add(PortalSource.Listed listed) {
            count++;
            listed.key().map(k -> Instant.parse(k.updatedAt())).ifPresent(at -> {
                if (oldest == null || at.isBefore(oldest)) {
                    oldest = at;
                }
            });
        }

        Backlog backlog() {
            return new Backlog(count, oldest);
        }
    }
}
