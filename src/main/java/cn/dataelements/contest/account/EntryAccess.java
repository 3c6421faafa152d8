package cn.dataelements.contest.account;

import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Which entries a signed-in user may see. Organizers and the committee see every entry; an admin or an auditor sees
 * none, unless the account is also an organizer or on the committee; a reviewer sees only
 * the entries assigned to them in rounds that are not blind ({@link ReviewerEntries}): not in search, not in counts,
 * not in exports, not by id. Entries of a blind round reach a reviewer only as blind packets, on 我的评审.
 */
@Component
public class EntryAccess {

    private final ObjectProvider<ReviewerEntries> reviews;

    EntryAccess(ObjectProvider<ReviewerEntries> reviews) {
        this.reviews = reviews;
    }

    /** Every entry, or only these ids (possibly none). */
    public record Visible(Optional<Set<String>> only) {

        public static final Visible ALL = new Visible(Optional.empty());

        public boolean includes(String entryId) {
            return only.map(ids -> ids.contains(entryId)).orElse(true);
        }

        public boolean all() {
            return only.isEmpty();
        }
    }

    public Visible of(Authentication who) {
        if (who == null) {
            return new Visible(Optional.of(Set.of()));
        }
        boolean seesAll = who.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals(Role.ORGANIZER.authority())
                        || a.getAuthority().equals(Role.COMMITTEE.authority()));
        if (seesAll) {
            return Visible.ALL;
        }
        ReviewerEntries assigned = reviews.getIfAvailable();
        boolean reviewer =
                who.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(Role.REVIEWER.authority()));
        return new Visible(
                Optional.of(reviewer && assigned != null ? Set.copyOf(assigned.visibleTo(who.getName())) : Set.of()));
    }

    /** Whether the user may see contact data (phones, e-mails, mail senders): not reviewers. */
    public boolean seesContacts(Authentication who) {
        return of(who).all();
    }
}
