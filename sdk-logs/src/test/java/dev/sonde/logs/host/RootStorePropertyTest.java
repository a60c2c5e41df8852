package dev.sonde.logs.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.sonde.facts.Fact;
import dev.sonde.facts.InstalledRoot;
import dev.sonde.facts.RootStore;
import dev.sonde.testsupport.CertutilStores;
import dev.sonde.testsupport.CertutilStores.Language;
import dev.sonde.testsupport.CertutilStores.Root;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link RootStoreOutput} over generated certutil listings ({@link CertutilStores}): any order of roots, fields left
 * out, English, French or German labels, CRLF, certutil's other lines and unrelated ones in between. Each listed root
 * is read once, in order, with its values; nothing else is; garbage never throws; a huge store is capped.
 */
class RootStorePropertyTest {

    private static List<InstalledRoot> parse(String file, String text) {
        List<InstalledRoot> out = new ArrayList<>();
        // the reader splits on LF and leaves a CR behind: the parser must not care
        for (Fact f : RootStoreOutput.parse(file, List.of(text.split("\n", -1)))) {
            out.add((InstalledRoot) f);
        }
        return out;
    }

    @Test
    void everyListedRootIsReadWithItsValues() {
        qt().withExamples(300).forAll(CertutilStores.listings()).checkAssert(listing -> {
            List<InstalledRoot> read = parse(RootStoreOutput.FILE, listing.text());
            assertThat(read).hasSize(listing.roots().size());
            for (int i = 0; i < read.size(); i++) {
                Root want = listing.roots().get(i);
                InstalledRoot got = read.get(i);
                assertThat(got.store()).isEqualTo(RootStore.MACHINE);
                assertThat(got.subject()).isEqualTo(want.dn());
                assertThat(got.commonName()).isEqualTo(want.commonName());
                assertThat(got.organization()).isEqualTo(want.organization());
                assertThat(got.issuer()).isEqualTo(want.withIssuer() ? want.dn() : "");
                assertThat(got.sha1()).isEqualTo(want.sha1());
                assertThat(got.serial()).isEqualTo(want.serial());
                assertThat(got.validFrom()).isEqualTo(want.validFrom() == null ? null
                        : want.validFrom().withSecond(0));
                assertThat(got.validUntil()).isEqualTo(want.validFrom() == null ? null
                        : want.validFrom().withSecond(0).plusYears(20));
                assertThat(got.source().text().strip()).endsWith(want.dn());
            }
        });
    }

    @Test
    void theOrderOfRootsIsKept() {
        qt().withExamples(100).forAll(lists().of(CertutilStores.roots()).ofSizeBetween(2, 10),
                integers().between(0, 1000)).checkAssert((roots, seed) -> {
                    List<Root> shuffled = new ArrayList<>(roots);
                    Collections.shuffle(shuffled, new java.util.Random(seed));
                    String text = CertutilStores.write(shuffled, Language.ENGLISH, false, List.of());
                    assertThat(parse(RootStoreOutput.USER_FILE, text)).extracting(InstalledRoot::commonName)
                            .containsExactlyElementsOf(shuffled.stream().map(Root::commonName).toList());
                    assertThat(parse(RootStoreOutput.USER_FILE, text)).allMatch(r -> r.store() == RootStore.USER);
                });
    }

    @Test
    void garbageNeverThrowsAndNeverInventsARoot() {
        qt().withExamples(300).forAll(strings().allPossible().ofLengthBetween(0, 400)).checkAssert(junk -> {
            List<InstalledRoot> read = parse(RootStoreOutput.FILE, junk);
            // no "====" header line, no root
            if (junk.lines().noneMatch(l -> l.strip().startsWith("===="))) {
                assertThat(read).isEmpty();
            }
        });
    }

    @Test
    void aHugeStoreIsCappedAndReadInLinearTime() {
        Root r = new Root("Zscaler Root CA", "Zscaler Inc.", "01", "", false, null, true);
        String text = CertutilStores.write(Collections.nCopies(RootStoreOutput.MAX_ROOTS + 500, r), Language.ENGLISH,
                true, List.of());
        long start = System.nanoTime();
        List<InstalledRoot> read = parse(RootStoreOutput.FILE, text);
        assertThat(read).hasSize(RootStoreOutput.MAX_ROOTS);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void longHostileValuesAreCut() {
        String dn = "CN=" + "a,".repeat(200_000);
        String text = "================ Certificate 0 ================\nSubject: " + dn + "\nNotBefore: "
                + "1".repeat(100_000) + "/1/2016 1:00 AM\n";
        List<InstalledRoot> read = parse(RootStoreOutput.FILE, text);
        assertThat(read).hasSize(1);
        assertThat(read.get(0).subject()).hasSizeLessThanOrEqualTo(RootStoreOutput.MAX_VALUE);
        assertThat(read.get(0).validFrom()).isNull();
    }
}
