package cn.dataelements.contest.intake.portal;

import cn.dataelements.contest.intake.source.PolledSource;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

/**
 * Polls a portal's listing from its watermark, less the mapping's overlap, page by page, and hands each record to the
 * route in the listing's order. A record the overlap shows again unchanged is skipped before any download. The
 * watermark (updated-at, id) moves on only past records whose exchange is over, after each page while the listing
 * comes in that order and at the end of a whole poll otherwise; a record left to be tried again (an outage) ends the
 * poll where it is. A poll killed on any page therefore starts again at or before it: nothing is skipped, and what is
 * seen twice is the same submission, not a second one.
 */
class PortalPoller implements PolledSource {

    private static final Comparator<PortalState.Cursor> ORDER = Comparator.comparing(
                    (PortalState.Cursor c) -> Instant.parse(c.updatedAt()))
            .thenComparing(PortalState.Cursor::id);

    private final PortalSource source;

    PortalPoller(PortalSource source) {
        this.source = source;
    }

    @Override
    public int poll(Handoff handoff) throws Exception {
        Optional<PortalState.Cursor> from = source.state().cursor();
        Instant since = from.map(c -> Instant.parse(c.updatedAt())
                        .minusSeconds(source.mapping().listing().overlap()))
                .orElse(null);
        PortalState.Cursor highest = from.orElse(null);
        boolean inOrder = true;
        PortalState.Cursor previous = null;
        int handed = 0;
        for (PortalClient.Page page = source.client().first(since);
                page != null;
                page = source.client().next(page)) {
            for (JsonNode record : page.records()) {
                if (!handoff.running()) {
                    return handed;
                }
                Optional<PortalState.Cursor> key = source.key(record);
                String id = source.id(record);
                String fingerprint = source.fingerprint(record);
                // a record the overlap shows again unchanged was taken in before: nothing to download
                boolean unchanged = !id.isEmpty() && source.state().seen(id, fingerprint);
                if (!unchanged) {
                    handed++;
                    if (!handoff.hand(new PortalRecord(source, record))) {
                        return handed;
                    }
                    if (!id.isEmpty()) {
                        source.state().taken(id, fingerprint);
                    }
                }
                if (key.isPresent()) {
                    if (previous != null && ORDER.compare(key.get(), previous) < 0) {
                        inOrder = false;
                    }
                    previous = key.get();
                    if (highest == null || ORDER.compare(key.get(), highest) > 0) {
                        highest = key.get();
                    }
                }
            }
            if (inOrder && previous != null) {
                source.state().advance(max(previous, from.orElse(null)));
            }
        }
        if (highest != null) {
            source.state().advance(highest);
        }
        return handed;
    }

    private static PortalState.Cursor max(PortalState.Cursor a, PortalState.Cursor b) {
        return b == null || ORDER.compare(a, b) >= 0 ? a : b;
    }
}
