package cn.dataelements.contest.entry;

import cn.dataelements.contest.normalize.CreditCodes;
import cn.dataelements.contest.normalize.TextNormalizer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Who a team is: the lead unit's unified social credit code plus the work title. A unit may enter several teams,
 * and a work may not change its name, so the pair names one team across channels and submissions. Without both, a
 * submission is an entry of its own: merging on a guess would be silent, and silence is what must not happen.
 */
final class TeamIdentity {

    private TeamIdentity() {}

    /** The team key of a submission's view, when it names both a lead credit code and a work title. */
    static Optional<String> key(Entry view) {
        String code = view.units().stream()
                .filter(Entry.Unit::lead)
                .findFirst()
                .or(() -> view.units().stream().findFirst())
                .map(u -> TextNormalizer.forMatching(u.creditCode())
                        .replace(" ", "")
                        .toUpperCase(Locale.ROOT))
                .orElse("");
        String title = TeamMatcher.squash(view.workTitle());
        return CreditCodes.isWellShaped(code) && !title.isEmpty() ? Optional.of(code + "|" + title) : Optional.empty();
    }

    /** The entry id of a team: stable across rebuilds, with nothing personal in it. */
    static String entryId(String teamKey) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(teamKey.getBytes(StandardCharsets.UTF_8));
            return "team-" + HexFormat.of().formatHex(hash, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
