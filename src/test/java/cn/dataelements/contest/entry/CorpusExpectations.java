package cn.dataelements.contest.entry;

import cn.dataelements.contest.catalog.Catalog;
import cn.dataelements.contest.normalize.FormHeader;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;

/** What a form's expected.json says, checked against what the normalizer found. */
final class CorpusExpectations {

    private CorpusExpectations() {}

    static void header(SoftAssertions soft, String form, JsonNode expected, FormHeader header, Catalog catalog) {
        if (expected.has("workTitle")) {
            soft.assertThat(header.workTitle())
                    .as(form + " workTitle")
                    .isEqualTo(expected.get("workTitle").asText());
        }
        if (expected.has("trackAsWritten")) {
            soft.assertThat(catalog.tracks().findTrack(header.trackText()).map(t -> t.number()))
                    .as(form + " track from '" + header.trackText() + "'")
                    .contains(expected.path("track").path("number").asInt());
        }
        if (expected.has("units")) {
            soft.assertThat(header.units()).as(form + " units").containsExactlyElementsOf(units(expected.get("units")));
        }
        if (expected.has("representatives")) {
            soft.assertThat(header.representatives())
                    .as(form + " representatives")
                    .containsExactlyElementsOf(representatives(expected.get("representatives")));
        }
        if (expected.has("contact")) {
            JsonNode c = expected.get("contact");
            soft.assertThat(header.contact())
                    .as(form + " contact")
                    .isEqualTo(new Entry.Contact(
                            orEmpty(c.path("name")), orEmpty(c.path("phone")), orEmpty(c.path("email"))));
        }
    }

    static void section(SoftAssertions soft, String what, JsonNode expected, FormSection actual, boolean flat) {
        soft.assertThat(actual).as(what + " present in the result").isNotNull();
        if (actual == null) {
            return;
        }
        soft.assertThat(actual.found())
                .as(what + " found")
                .isEqualTo(expected.path("found").asBoolean());
        if (!expected.path("found").asBoolean()) {
            return;
        }
        soft.assertThat(squash(actual.heading()))
                .as(what + " heading")
                .endsWith(squash(withoutNumber(expected.path("heading").asText())));
        String text = squash(actual.text());
        String start = squash(expected.path("textStartsWith").asText());
        String end = squash(expected.path("textEndsWith").asText());
        if (flat) {
            soft.assertThat(text).as(what + " text").contains(start);
        } else {
            soft.assertThat(text).as(what + " text").startsWith(start).endsWith(end);
        }
        List<String> parts = new ArrayList<>();
        expected.path("parts").forEach(p -> parts.add(p.asText()));
        soft.assertThat(actual.parts().stream().map(FormSection.Part::key).toList())
                .as(what + " parts")
                .containsExactlyElementsOf(parts);
    }

    /** A form without the field has null in its JSON; the header reports an absent field as empty. */
    private static String orEmpty(JsonNode value) {
        return value.isNull() || value.isMissingNode() ? "" : value.asText();
    }

    static Map<String, FormSection> byKey(List<FormSection> sections) {
        Map<String, FormSection> byKey = new LinkedHashMap<>();
        sections.forEach(s -> byKey.put(s.key(), s));
        return byKey;
    }

    /** Whitespace differs between Word and PDF: compare without it. */
    private static String squash(String text) {
        return text == null ? "" : text.replaceAll("\\s+", "");
    }

    /** Word's own numbering reaches the text as Arabic digits; compare the title after the number. */
    private static String withoutNumber(String heading) {
        return heading.replaceFirst("^\\s*(第[一二三四五六七八九十]+(部分|章)|[（(]?[一二三四五六七八九十0-9０-９]+[)）]?[、.．]?|[①-⑩])\\s*", "");
    }

    private static List<Entry.Unit> units(JsonNode units) {
        List<Entry.Unit> list = new ArrayList<>();
        units.forEach(u -> list.add(new Entry.Unit(
                u.path("name").asText(),
                u.path("creditCode").asText(),
                u.path("lead").asBoolean())));
        return list;
    }

    private static List<Entry.Representative> representatives(JsonNode people) {
        List<Entry.Representative> list = new ArrayList<>();
        people.forEach(p -> list.add(new Entry.Representative(
                p.path("name").asText(),
                p.path("role").asText(),
                p.path("phone").asText(),
                p.path("email").asText())));
        return list;
    }
}
