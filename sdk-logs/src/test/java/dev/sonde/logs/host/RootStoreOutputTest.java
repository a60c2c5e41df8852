package dev.sonde.logs.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonde.facts.Fact;
import dev.sonde.facts.InstalledRoot;
import dev.sonde.facts.RootStore;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link RootStoreOutput} on its documented samples (English, French) and a German listing, field by field. */
class RootStoreOutputTest {

    /** German Windows: translated labels, day-first dates with dots. */
    static final String SAMPLE_DE = """
            Root "Vertrauenswürdige Stammzertifizierungsstellen"
            ================ Zertifikat 0 ================
            Seriennummer: 4caaf9cadb636fe01ff74ed85b03869d
            Aussteller: CN=Kaspersky Anti-Virus Personal Root Certificate, O=AO Kaspersky Lab
             NotBefore: 03.02.2021 09:15
             NotAfter: 02.02.2031 09:15
            Antragsteller: CN=Kaspersky Anti-Virus Personal Root Certificate, O=AO Kaspersky Lab
            Signatur stimmt mit dem öffentlichen Schlüssel überein
            Stammzertifikat: Antragsteller stimmt mit Aussteller überein
            Zertifikathash(sha1): 0b 5e 7f 21 93 c8 aa 40 6d 11 e2 3f 98 c0 7b 2a 55 d4 16 e9
            Keine Schlüsselanbieterinformationen
            CertUtil: -store-Befehl wurde erfolgreich ausgeführt.
            """;

    static List<InstalledRoot> roots(String file, String text) {
        List<InstalledRoot> out = new ArrayList<>();
        for (Fact f : RootStoreOutput.parse(file, text.lines().toList())) {
            out.add((InstalledRoot) f);
        }
        return out;
    }

    @Test
    void englishSampleReadsEveryField() {
        List<InstalledRoot> roots = roots(RootStoreOutput.FILE, RootStoreOutput.SAMPLE);
        assertThat(roots).hasSize(2);
        InstalledRoot ms = roots.get(0);
        assertThat(ms.store()).isEqualTo(RootStore.MACHINE);
        assertThat(ms.subject()).isEqualTo("CN=Microsoft Root Certificate Authority, DC=microsoft, DC=com");
        assertThat(ms.commonName()).isEqualTo("Microsoft Root Certificate Authority");
        assertThat(ms.organization()).isEmpty();
        assertThat(ms.serial()).isEqualTo("79ad16a14aa0a5ad4c7358f407132e65");
        assertThat(ms.sha1()).isEqualTo("cdd4eeae6000ac7f40c3802c171e30148030c072");
        assertThat(ms.notBefore()).isEqualTo("5/9/2001 4:19 PM");
        assertThat(ms.validFrom()).isEqualTo(LocalDateTime.of(2001, 5, 9, 16, 19));
        assertThat(ms.validUntil()).isEqualTo(LocalDateTime.of(2021, 5, 9, 16, 28));
        assertThat(ms.time().known()).isFalse();
        assertThat(ms.thread()).isEmpty();
        assertThat(ms.source().file()).isEqualTo("roots-machine.txt");
        assertThat(ms.source().line()).isEqualTo(7);
        assertThat(ms.source().text()).startsWith("Subject: CN=Microsoft Root");

        InstalledRoot fiddler = roots.get(1);
        assertThat(fiddler.commonName()).isEqualTo("DO_NOT_TRUST_FiddlerRoot");
        assertThat(fiddler.organization()).isEqualTo("DO_NOT_TRUST");
        assertThat(fiddler.issuerCommonName()).isEqualTo("DO_NOT_TRUST_FiddlerRoot");
        assertThat(fiddler.issuerOrganization()).isEqualTo("DO_NOT_TRUST");
        assertThat(fiddler.subjectValues()).containsExactly("DO_NOT_TRUST_FiddlerRoot", "DO_NOT_TRUST",
                "Created by http://www.fiddler2.com");
        assertThat(fiddler.sha1()).isEqualTo("2a6f3e9b81c407d55e601a93bc4d28e7f019a65c");
        assertThat(fiddler.serial()).isEqualTo("00c9d5b2a4e7f1034b");
        assertThat(fiddler.validFrom()).isEqualTo(LocalDateTime.of(2016, 9, 21, 4, 8));
        assertThat(fiddler.source().line()).isEqualTo(20);
    }

    @Test
    void frenchSampleReadsTranslatedLabelsAndDayFirstDates() {
        List<InstalledRoot> roots = roots(RootStoreOutput.FILE, RootStoreOutput.SAMPLE_FR);
        assertThat(roots).extracting(InstalledRoot::commonName).containsExactly("ISRG Root X1", "Zscaler Root CA");
        InstalledRoot isrg = roots.get(0);
        assertThat(isrg.organization()).isEqualTo("Internet Security Research Group");
        assertThat(isrg.serial()).isEqualTo("8210cfb0d240e3594463e0bb63828b00");
        assertThat(isrg.sha1()).isEqualTo("cabd2a79a1076a31f21d253635cb039d4329a5e8");
        assertThat(isrg.notBefore()).isEqualTo("04/06/2015 13:04");
        assertThat(isrg.validFrom()).isEqualTo(LocalDateTime.of(2015, 6, 4, 13, 4)); // June, not April
        assertThat(isrg.source().text()).startsWith("Objet: CN=ISRG Root X1");
        InstalledRoot zscaler = roots.get(1);
        assertThat(zscaler.organization()).isEqualTo("Zscaler Inc.");
        assertThat(zscaler.validUntil()).isEqualTo(LocalDateTime.of(2042, 12, 15, 0, 7));
    }

    @Test
    void germanListingReadsToo() {
        List<InstalledRoot> roots = roots("host/ROOTS-USER.TXT", SAMPLE_DE);
        assertThat(roots).hasSize(1);
        InstalledRoot k = roots.get(0);
        assertThat(k.store()).isEqualTo(RootStore.USER);
        assertThat(k.commonName()).isEqualTo("Kaspersky Anti-Virus Personal Root Certificate");
        assertThat(k.organization()).isEqualTo("AO Kaspersky Lab");
        assertThat(k.serial()).isEqualTo("4caaf9cadb636fe01ff74ed85b03869d");
        assertThat(k.sha1()).isEqualTo("0b5e7f2193c8aa406d11e23f98c07b2a55d416e9");
        assertThat(k.validFrom()).isEqualTo(LocalDateTime.of(2021, 2, 3, 9, 15));
        assertThat(k.validUntil()).isEqualTo(LocalDateTime.of(2031, 2, 2, 9, 15));
    }

    @Test
    void anUnknownLanguageFallsBackOnCertutilsOrder() {
        String spanish = """
                ================ Certificado 0 ================
                Número de serie: 01
                Emisor: CN=Sophos SSL CA_C3A1B2, O=Sophos
                 NotBefore: 21/09/2016 4:08
                 NotAfter: 21/09/2026 4:08
                Sujeto: CN=Sophos SSL CA_C3A1B2, O=Sophos
                Hash de cert(sha1): 11223344556677889900aabbccddeeff00112233
                """;
        InstalledRoot r = roots(RootStoreOutput.FILE, spanish).get(0);
        assertThat(r.issuer()).isEqualTo("CN=Sophos SSL CA_C3A1B2, O=Sophos");
        assertThat(r.subject()).isEqualTo("CN=Sophos SSL CA_C3A1B2, O=Sophos");
        assertThat(r.commonName()).isEqualTo("Sophos SSL CA_C3A1B2");
        assertThat(r.sha1()).isEqualTo("11223344556677889900aabbccddeeff00112233");
        assertThat(r.validFrom()).isEqualTo(LocalDateTime.of(2016, 9, 21, 4, 8));
    }

    @Test
    void ambiguousEnglishDatesAreKeptAsWrittenOnly() {
        String british = """
                ================ Certificate 0 ================
                Issuer: CN=Zscaler Root CA
                 NotBefore: 05/09/2016 04:08
                 NotAfter: 13/09/2036 04:08
                Subject: CN=Zscaler Root CA
                """;
        InstalledRoot r = roots(RootStoreOutput.FILE, british).get(0);
        assertThat(r.notBefore()).isEqualTo("05/09/2016 04:08");
        assertThat(r.validFrom()).isNull(); // May or September: not told
        assertThat(r.validUntil()).isEqualTo(LocalDateTime.of(2036, 9, 13, 4, 8)); // 13 is no month
    }

    @Test
    void verboseKeyHashIsNotTheThumbprint() {
        String verbose = """
                ================ Certificate 0 ================
                Subject: CN=Example Root
                Key Id Hash(sha1): ffffffffffffffffffffffffffffffffffffffff
                Cert Hash(sha1): 0000000000000000000000000000000000000001
                Key Id Hash(rfc-sha1): eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee
                """;
        assertThat(roots(RootStoreOutput.FILE, verbose).get(0).sha1()).isEqualTo("0000000000000000000000000000000000000001");
    }

    @Test
    void anAccessDeniedOrEmptyOutputGivesNothing() {
        assertThat(roots(RootStoreOutput.FILE, "CertUtil: -store command FAILED: 0x80070005 (WIN32: 5 ERROR_ACCESS_DENIED)\n"))
                .isEmpty();
        assertThat(roots(RootStoreOutput.FILE, "")).isEmpty();
        assertThat(roots(RootStoreOutput.FILE, "Issuer: CN=Outside any entry\n")).isEmpty();
    }

    @Test
    void documentedFileNames() {
        assertThat(RootStoreOutput.reads("bundle/host/roots-machine.txt")).isTrue();
        assertThat(RootStoreOutput.reads("C:\\evidence\\Roots-User.txt")).isTrue();
        assertThat(RootStoreOutput.reads("roots.txt")).isFalse();
    }
}
