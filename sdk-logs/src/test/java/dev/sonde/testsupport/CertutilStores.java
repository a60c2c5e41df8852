package dev.sonde.testsupport;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Generated {@code certutil -store Root} listings: roots with or without each optional field, in English, French or
 * German Windows, LF or CRLF, with the lines certutil prints between the fields (key provider details, signature
 * checks) and unrelated lines mixed in. Used by the root store parser's property tests.
 */
public final class CertutilStores {

    /** A language of Windows: its labels and how it writes a date. */
    public enum Language {
        ENGLISH("Certificate", "Serial Number: ", "Issuer: ", "Subject: ", "Cert Hash(sha1): ", " NotBefore: ",
                " NotAfter: ", "CertUtil: -store command completed successfully."),
        FRENCH("Certificat", "Numéro de série : ", "Émetteur: ", "Objet: ", "Hachage cert.(sha1): ", " NotBefore : ",
                " NotAfter : ", "CertUtil: -store La commande s'est terminée correctement."),
        GERMAN("Zertifikat", "Seriennummer: ", "Aussteller: ", "Antragsteller: ", "Zertifikathash(sha1): ",
                " NotBefore: ", " NotAfter: ", "CertUtil: -store-Befehl wurde erfolgreich ausgeführt.");

        final String certificate;
        final String serial;
        final String issuer;
        final String subject;
        final String hash;
        final String notBefore;
        final String notAfter;
        final String done;

        Language(String certificate, String serial, String issuer, String subject, String hash, String notBefore,
                String notAfter, String done) {
            this.certificate = certificate;
            this.serial = serial;
            this.issuer = issuer;
            this.subject = subject;
            this.hash = hash;
            this.notBefore = notBefore;
            this.notAfter = notAfter;
            this.done = done;
        }

        /** The date as this language's short date and time formats write it. */
        public String date(LocalDateTime t) {
            return switch (this) {
                case ENGLISH -> t.getMonthValue() + "/" + t.getDayOfMonth() + "/" + t.getYear() + " "
                        + (t.getHour() % 12 == 0 ? 12 : t.getHour() % 12) + ":" + two(t.getMinute())
                        + (t.getHour() < 12 ? " AM" : " PM");
                case FRENCH -> two(t.getDayOfMonth()) + "/" + two(t.getMonthValue()) + "/" + t.getYear() + " "
                        + two(t.getHour()) + ":" + two(t.getMinute());
                case GERMAN -> two(t.getDayOfMonth()) + "." + two(t.getMonthValue()) + "." + t.getYear() + " "
                        + two(t.getHour()) + ":" + two(t.getMinute());
            };
        }

        private static String two(int n) {
            return n < 10 ? "0" + n : String.valueOf(n);
        }
    }

    /**
     * One generated root.
     *
     * @param commonName   its CN
     * @param organization its O, or {@code ""} for none (written quoted when it holds a comma)
     * @param serial       hex, or {@code ""} when the listing leaves the line out
     * @param sha1         40 hex digits, or {@code ""} when left out
     * @param spacedHash   true to write the hash in pairs ({@code 2a 6f ...}) as older certutil does
     * @param validFrom    the start of validity, or {@code null} when the dates are left out
     * @param withIssuer   false to leave the {@code Issuer:} line out
     */
    public record Root(String commonName, String organization, String serial, String sha1, boolean spacedHash,
            LocalDateTime validFrom, boolean withIssuer) {

        /** The subject as certutil writes it. */
        public String dn() {
            String o = organization.contains(",") ? "\"" + organization + "\"" : organization;
            return "CN=" + commonName + (organization.isEmpty() ? "" : ", O=" + o) + ", C=US";
        }
    }

    /**
     * A generated listing.
     *
     * @param roots    the roots, in the order listed
     * @param language its labels
     * @param crlf     true when lines end with CR LF (the reader then leaves the CR on each line)
     * @param text     the listing
     */
    public record Listing(List<Root> roots, Language language, boolean crlf, String text) {
    }

    /** What certutil prints besides the fields, and unrelated lines: none of them may change what is read. */
    public static final List<String> NOISE = List.of(
            "Signature matches Public Key", "Root Certificate: Subject matches Issuer", "CA Version: V0.0",
            "No key provider information", "Cannot find the certificate and private key for decryption.",
            "  Key Container = {8C7D2E5A-3B41-4F0A-9E6C-1D2B3A4C5D6E}", "  Provider = Microsoft Software Key Storage Provider",
            "  Unique container name: 3f2ce7a1_5b2f", "Private key is NOT exportable", "", "   ",
            "La signature correspond à la clé publique", "Certificat racine : l'objet correspond à l'émetteur",
            "Cert Hash(md5): 0123456789abcdef0123456789abcdef", "Non-root Certificate", "== not a header",
            "Provider = CN=Not a label line", "Template:", "Key Id Hash(sha1): ffffffffffffffffffffffffffffffffffffffff",
            "\u00a0\u00e9\t", "Schlüsselcontainer = abc");

    private static final List<String> NAMES = List.of("Zscaler Root CA", "DO_NOT_TRUST_FiddlerRoot", "ISRG Root X1",
            "DigiCert Global Root G2", "Avast Web/Mail Shield Root", "ESET SSL Filter CA", "Baltimore CyberTrust Root",
            "Microsoft Root Certificate Authority 2011", "Cisco Umbrella Root CA", "AAA Certificate Services",
            "Sophos SSL CA_C3A1B2", "GTS Root R1", "Fortinet_CA_SSL", "Bitdefender Personal CA.Net-Defender",
            "Racine d'entreprise", "Stammzertifikat Müller");
    private static final List<String> ORGS = List.of("", "Zscaler Inc.", "Zscaler, Inc.", "DO_NOT_TRUST",
            "Internet Security Research Group", "DigiCert Inc", "AO Kaspersky Lab", "ESET, spol. s r.o.", "Cisco",
            "Sophos");

    private CertutilStores() {
    }

    /** Roots with each optional field present or not. */
    public static Gen<Root> roots() {
        Gen<String> hex = lists().of(integers().between(0, 15)).ofSizeBetween(1, 40)
                .map(ds -> ds.stream().map(Integer::toHexString).reduce("", String::concat));
        Gen<String> sha1 = lists().of(integers().between(0, 15)).ofSize(40)
                .map(ds -> ds.stream().map(Integer::toHexString).reduce("", String::concat));
        Gen<LocalDateTime> dates = integers().between(0, 20 * 365 * 24 * 60)
                .map(m -> LocalDateTime.of(2005, 1, 1, 0, 0).plusMinutes(m));
        Gen<Integer> flags = integers().between(0, 31);
        return Generate.pick(NAMES).zip(Generate.pick(ORGS), hex, sha1, (n, o, s, h) -> new Object[] {n, o, s, h})
                .zip(dates, flags, (a, d, f) -> new Root((String) a[0], (String) a[1], (f & 1) == 0 ? (String) a[2] : "",
                        (f & 2) == 0 ? (String) a[3] : "", (f & 4) != 0, (f & 8) == 0 ? d : null, (f & 16) == 0));
    }

    /** Listings of 0 to 12 roots with noise lines, in one of the three languages, LF or CRLF. */
    public static Gen<Listing> listings() {
        Gen<List<Root>> roots = lists().of(roots()).ofSizeBetween(0, 12);
        Gen<List<Integer>> noise = lists().of(integers().between(-1, NOISE.size() - 1)).ofSizeBetween(0, 200);
        return roots.zip(Generate.enumValues(Language.class), Generate.booleans(), noise,
                (rs, lang, crlf, ns) -> new Listing(rs, lang, crlf, write(rs, lang, crlf, ns)));
    }

    /** The listing of {@code roots}, a noise line (index into {@link #NOISE}; -1 for none) after each field line. */
    public static String write(List<Root> roots, Language lang, boolean crlf, List<Integer> noise) {
        List<String> lines = new ArrayList<>();
        int[] n = {0};
        Runnable maybeNoise = () -> {
            if (n[0] < noise.size()) {
                int k = noise.get(n[0]++);
                if (k >= 0) {
                    lines.add(NOISE.get(k));
                }
            }
        };
        lines.add("Root \"Trusted Root Certification Authorities\"");
        maybeNoise.run();
        for (int i = 0; i < roots.size(); i++) {
            Root r = roots.get(i);
            lines.add("================ " + lang.certificate + " " + i + " ================");
            maybeNoise.run();
            if (!r.serial().isEmpty()) {
                lines.add(lang.serial + r.serial());
                maybeNoise.run();
            }
            if (r.withIssuer()) {
                lines.add(lang.issuer + r.dn());
                maybeNoise.run();
            }
            if (r.validFrom() != null) {
                lines.add(lang.notBefore + lang.date(r.validFrom()));
                lines.add(lang.notAfter + lang.date(r.validFrom().plusYears(20)));
                maybeNoise.run();
            }
            lines.add(lang.subject + r.dn());
            maybeNoise.run();
            if (!r.sha1().isEmpty()) {
                lines.add(lang.hash + (r.spacedHash() ? r.sha1().replaceAll("(..)(?!$)", "$1 ") : r.sha1()));
                maybeNoise.run();
            }
        }
        lines.add(lang.done);
        String end = crlf ? "\r\n" : "\n";
        return String.join(end, lines) + end;
    }
}
