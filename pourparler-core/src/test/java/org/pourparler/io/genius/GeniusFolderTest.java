package org.pourparler.io.genius;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pourparler.io.source.ReadResult;
import org.pourparler.io.source.ScenarioFormatException;
import org.pourparler.model.Party;

/** Reading a folder: which file is the domain, which are profiles, what is ignored. */
class GeniusFolderTest {
    @TempDir
    Path dir;

    private static final String OTHER_DOMAIN = GeniusXmlReadTest.domain("""
            <issue index="1" name="flavour" type="discrete"><item value="vanilla"/><item value="mango"/></issue>
            """);
    private static final String OTHER_PROFILE = GeniusXmlReadTest.profile("""
            <issue index="1" name="flavour"><item value="vanilla" evaluation="1"/><item value="mango" evaluation="3"/></issue>
            <weight index="1" value="1"/>
            """, "");

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }

    private void shop() throws IOException {
        write("shop_domain.xml", GeniusXmlReadTest.SHOP);
        write("shop_buyer.xml", GeniusXmlReadTest.shopProfile("0.6", "0.4", "<reservation value=\"0.3\"/>"));
        write("shop_seller.xml", GeniusXmlReadTest.shopProfile("0.2", "0.8", ""));
    }

    @Test
    void theDomainAndProfilesAreRecognisedByContentAndPartiesNamedAfterTheirFiles() throws Exception {
        shop();
        write("pareto.xml", "\n\n0.5, 1.0\n1.0, 0.5\n");
        write("notes.txt", "not read at all");
        ReadResult r = GeniusXml.readFolder(dir, null);
        assertThat(r.scenario().title()).isEqualTo("shop");
        assertThat(r.scenario().parties()).extracting(Party::name).containsExactly("buyer", "seller");
        assertThat(r.scenario().party("buyer").profile().reservation()).isEqualTo(0.3);
        assertThat(r.warnings()).anyMatch(w -> w.contains("pareto.xml") && w.contains("ignored"));
        assertThat(r.warnings()).noneMatch(w -> w.contains("notes.txt"));
    }

    @Test
    void aProfileForAnotherDomainIsSkippedWithAWarningNamingIt() throws Exception {
        shop();
        write("shop_icecream.xml", OTHER_PROFILE);
        ReadResult r = GeniusXml.readFolder(dir, null);
        assertThat(r.scenario().parties()).extracting(Party::name).containsExactly("buyer", "seller");
        assertThat(r.warnings()).anyMatch(w -> w.contains("shop_icecream.xml") && w.contains("skipped"));
    }

    @Test
    void severalDomainsNeedAChoiceAndTheErrorListsThem() throws Exception {
        shop();
        write("icecream.xml", OTHER_DOMAIN);
        write("taster.xml", OTHER_PROFILE);
        assertThatThrownBy(() -> GeniusXml.readFolder(dir, null)).isInstanceOf(ScenarioFormatException.class)
                .hasMessageContaining("icecream.xml").hasMessageContaining("shop_domain.xml")
                .hasMessageContaining("domain choice");

        ReadResult ice = GeniusXml.readFolder(dir, "icecream.xml");
        assertThat(ice.scenario().parties()).extracting(Party::name).containsExactly("taster");
        assertThat(ice.warnings()).anyMatch(w -> w.contains("shop_buyer.xml") && w.contains("skipped"));
        assertThat(GeniusXml.readFolder(dir, "shop_domain").scenario().parties()).hasSize(2);
    }

    @Test
    void aChoiceThatIsNoDomainIsAnError() throws Exception {
        shop();
        assertThatThrownBy(() -> GeniusXml.readFolder(dir, "shop_buyer.xml"))
                .isInstanceOf(ScenarioFormatException.class).hasMessageContaining("is a preference profile");
        assertThatThrownBy(() -> GeniusXml.readFolder(dir, "nothing.xml"))
                .isInstanceOf(ScenarioFormatException.class).hasMessageContaining("shop_domain.xml");
    }

    @Test
    void foldersWithoutDomainOrProfilesAreErrors() throws Exception {
        assertThatThrownBy(() -> GeniusXml.readFolder(dir, null)).isInstanceOf(ScenarioFormatException.class)
                .hasMessageContaining("no .xml files");
        write("shop_buyer.xml", GeniusXmlReadTest.shopProfile("0.6", "0.4", ""));
        assertThatThrownBy(() -> GeniusXml.readFolder(dir, null)).isInstanceOf(ScenarioFormatException.class)
                .hasMessageContaining("no GENIUS domain file");
        Files.delete(dir.resolve("shop_buyer.xml"));
        write("shop_domain.xml", GeniusXmlReadTest.SHOP);
        assertThatThrownBy(() -> GeniusXml.readFolder(dir, null)).isInstanceOf(ScenarioFormatException.class)
                .hasMessageContaining("no preference profile");
        assertThatThrownBy(() -> GeniusXml.readFolder(dir.resolve("missing"), null))
                .isInstanceOf(ScenarioFormatException.class).hasMessageContaining("no such folder");
    }

    @Test
    void aBareUtilitySpaceWithIssuesButNoPreferencesIsADomain() throws Exception {
        write("d.xml", "<utility_space><objective index=\"0\" name=\"Shop\">"
                + "<issue index=\"1\" name=\"size\"><item value=\"S\"/><item value=\"L\"/></issue></objective></utility_space>");
        write("p.xml", GeniusXmlReadTest.profile("<issue index=\"1\" name=\"size\"><item value=\"S\" evaluation=\"1\"/>"
                + "<item value=\"L\" evaluation=\"2\"/></issue><weight index=\"1\" value=\"1\"/>", ""));
        ReadResult r = GeniusXml.readFolder(dir, null);
        assertThat(r.scenario().title()).isEqualTo("Shop");
        assertThat(r.scenario().parties()).hasSize(1);
    }

    @Test
    void readingNamedFilesKeepsTheirOrderAndRefusesAForeignProfile() throws Exception {
        shop();
        ReadResult r = GeniusXml.read(dir.resolve("shop_domain.xml"),
                List.of(dir.resolve("shop_seller.xml"), dir.resolve("shop_buyer.xml")));
        assertThat(r.scenario().parties()).extracting(Party::name).containsExactly("seller", "buyer");
        write("ice.xml", OTHER_PROFILE);
        assertThatThrownBy(() -> GeniusXml.read(dir.resolve("shop_domain.xml"), List.of(dir.resolve("ice.xml"))))
                .isInstanceOf(ScenarioFormatException.class).hasMessageContaining("ice.xml")
                .hasMessageContaining("does not fit");
        assertThatThrownBy(() -> GeniusXml.read(dir.resolve("shop_buyer.xml"), List.of()))
                .isInstanceOf(ScenarioFormatException.class).hasMessageContaining("not a GENIUS domain");
        assertThatThrownBy(() -> GeniusXml.read(dir.resolve("absent.xml"), List.of()))
                .isInstanceOf(ScenarioFormatException.class).hasMessageContaining("no such file");
    }
}
