package org.pourparler.io.genius;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.pourparler.io.source.ReadResult;
import org.pourparler.io.source.ScenarioFormatException;

/** Hostile and broken input fails quickly, and only with a {@link ScenarioFormatException}. */
class GeniusHostileInputTest {
    private static final Duration QUICKLY = Duration.ofSeconds(5);

    private static ThrowingCallable domainOnly(String xml) {
        return () -> GeniusXml.parse("evil.xml", xml, Map.of());
    }

    private static ThrowingCallable withProfile(String profileXml) {
        return () -> GeniusXml.parse("shop.xml", GeniusXmlReadTest.SHOP, Map.of("evil.xml", profileXml));
    }

    private static void fails(ThrowingCallable call, String... messageParts) {
        assertTimeoutPreemptively(QUICKLY, () -> {
            var a = assertThatThrownBy(call).isExactlyInstanceOf(ScenarioFormatException.class)
                    .hasMessageContaining("evil.xml");
            for (String part : messageParts) a.hasMessageContaining(part);
        });
    }

    @Test
    void billionLaughsFailsFast() {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            b.append("<!ENTITY lol").append(i).append(" \"");
            for (int k = 0; k < 10; k++) b.append("&lol").append(i == 1 ? "" : Integer.toString(i - 1)).append(';');
            b.append("\">\n");
        }
        b.append("]>\n<negotiation_template><utility_space><objective index=\"0\" name=\"&lol9;\">"
                + "<issue index=\"1\" name=\"x\"><item value=\"a\"/></issue></objective></utility_space></negotiation_template>");
        fails(domainOnly(b.toString()), "DOCTYPE", "line 2");
    }

    @Test
    void externalEntitiesAreNeverRead() {
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE d [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n"
                + "<negotiation_template><utility_space><objective index=\"0\" name=\"root\">"
                + "<issue index=\"1\" name=\"x\"><item value=\"&secret;\"/></issue></objective></utility_space></negotiation_template>";
        assertTimeoutPreemptively(QUICKLY, () -> assertThatThrownBy(domainOnly(xxe))
                .isExactlyInstanceOf(ScenarioFormatException.class).hasMessageNotContaining("root:x:0"));
        String dtd = "<!DOCTYPE d SYSTEM \"http://198.51.100.1/evil.dtd\">\n<negotiation_template/>";
        fails(domainOnly(dtd), "DOCTYPE");
    }

    @Test
    void xincludeIsNotFollowed() throws Exception {
        String xml = GeniusXmlReadTest.SHOP.replace("<issue index=\"2\"",
                "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"file:///etc/passwd\" parse=\"text\"/>"
                        + "<issue index=\"2\"");
        ReadResult r = GeniusXml.parse("shop.xml", xml, Map.of("b.xml", GeniusXmlReadTest.shopProfile("1", "1", "")));
        assertThat(r.scenario().domain().issueCount()).isEqualTo(2);
        assertThat(r.scenario().domain().toString()).doesNotContain("root:x:0");
    }

    @Test
    void truncatedFilesNameTheLine() {
        String p = GeniusXmlReadTest.shopProfile("0.6", "0.4", "");
        fails(withProfile(p.substring(0, p.length() / 2)), "line", "not well-formed");
        fails(domainOnly(GeniusXmlReadTest.SHOP.substring(0, 120)), "line");
    }

    @Test
    void emptyFilesAreErrors() {
        fails(domainOnly(""), "empty");
        fails(domainOnly("  \n\t "), "empty");
        fails(withProfile(""), "empty");
    }

    @Test
    void wrongTypesAreErrorsNamingTheAttribute() {
        fails(withProfile(GeniusXmlReadTest.shopProfile("abc", "0.4", "")), "value=\"abc\"");
        fails(withProfile(GeniusXmlReadTest.shopProfile("0.6", "0.4", "").replace("evaluation=\"8\"", "evaluation=\"lots\"")),
                "evaluation=\"lots\"");
        fails(withProfile(GeniusXmlReadTest.shopProfile("0.6", "0.4", "").replace("<weight index=\"1\"", "<weight index=\"one\"")),
                "index=\"one\"");
        fails(domainOnly(GeniusXmlReadTest.SHOP.replace("type=\"discrete\"", "type=\"fuzzy\"")), "fuzzy");
        fails(domainOnly(GeniusXmlReadTest.domain("<issue index=\"1\" name=\"n\" type=\"integer\" lowerbound=\"a\" upperbound=\"3\"/>")),
                "lowerbound=\"a\"");
        fails(domainOnly("<utility_space><weight index=\"1\" value=\"1\"/></utility_space>"), "not a GENIUS domain");
        fails(domainOnly("<something_else/>"), "not a GENIUS domain");
    }

    @Test
    void hugeNumbersAreErrors() {
        fails(domainOnly(GeniusXmlReadTest.domain(
                "<issue index=\"1\" name=\"n\" type=\"integer\" lowerbound=\"0\" upperbound=\"99999999999999999999\"/>")),
                "upperbound");
        fails(domainOnly(GeniusXmlReadTest.domain(
                "<issue index=\"1\" name=\"n\" type=\"integer\" lowerbound=\"-2000000000\" upperbound=\"2000000000\"/>")),
                "at most");
        fails(domainOnly(GeniusXmlReadTest.domain(
                "<issue index=\"1\" name=\"r\" type=\"real\" step=\"1e-300\"><range lowerbound=\"0\" upperbound=\"1\"/></issue>")),
                "grid");
        fails(domainOnly(GeniusXmlReadTest.domain(
                "<issue index=\"1\" name=\"r\" type=\"real\"><range lowerbound=\"0\" upperbound=\"1e999999999\"/></issue>")),
                "upperbound");
        fails(withProfile(GeniusXmlReadTest.shopProfile("1e999", "0.4", "")), "finite");
        fails(withProfile(GeniusXmlReadTest.shopProfile("0.6", "0.4", "").replace("evaluation=\"8\"", "evaluation=\"-1e400\"")),
                "finite");
    }

    @Test
    void missingIssuesAreErrors() {
        fails(domainOnly(GeniusXmlReadTest.domain("")), "no <issue>");
        fails(domainOnly("<negotiation_template/>"), "<utility_space>");
        fails(domainOnly(GeniusXmlReadTest.domain("<issue index=\"1\" name=\"x\" type=\"discrete\"/>")), "no <item>");
        fails(domainOnly(GeniusXmlReadTest.domain("<issue index=\"1\" type=\"discrete\"><item value=\"a\"/></issue>")), "'name'");
        fails(withProfile(GeniusXmlReadTest.profile("<weight index=\"1\" value=\"1\"/>", "")), "does not fit");
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "<a>".repeat(100_000) + "</a>".repeat(100_000);
        fails(domainOnly(deep), "nested more than");
    }

    @Test
    void controlCharactersAndOddEncodingsAreErrorsNotCrashes() {
        fails(domainOnly("<negotiation_template>\u0000</negotiation_template>"), "line 1");
        fails(domainOnly("\uFEFF\uFEFF<negotiation_template/>"), "line 1");
    }
}
