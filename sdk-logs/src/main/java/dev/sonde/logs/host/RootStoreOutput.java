package dev.sonde.logs.host;

import dev.sonde.Evidence;
import dev.sonde.facts.Fact;
import dev.sonde.facts.InstalledRoot;
import dev.sonde.facts.LogTime;
import dev.sonde.facts.RootStore;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The Windows trusted-root stores as {@code certutil} lists them: {@value #FILE} holds the output of
 * {@code certutil -store Root} (the machine's Trusted Root Certification Authorities), {@value #USER_FILE} that of
 * {@code certutil -user -store Root} (the signed-in user's). Each listed certificate becomes an
 * {@link InstalledRoot}; an HTTPS inspection product installs its root there (article step 4). English Windows
 * ({@link #SAMPLE}):
 *
 * <pre>
 * Root "Trusted Root Certification Authorities"
 * ================ Certificate 0 ================
 * Serial Number: 79ad16a14aa0a5ad4c7358f407132e65
 * Issuer: CN=Microsoft Root Certificate Authority, DC=microsoft, DC=com
 *  NotBefore: 5/9/2001 4:19 PM
 *  NotAfter: 5/9/2021 4:28 PM
 * Subject: CN=Microsoft Root Certificate Authority, DC=microsoft, DC=com
 * CA Version: V0.0
 * Signature matches Public Key
 * Root Certificate: Subject matches Issuer
 * Cert Hash(sha1): cdd4eeae6000ac7f40c3802c171e30148030c072
 * No key provider information
 * Cannot find the certificate and private key for decryption.
 *
 * ================ Certificate 1 ================
 * Serial Number: 00c9d5b2a4e7f1034b
 * Issuer: CN=DO_NOT_TRUST_FiddlerRoot, O=DO_NOT_TRUST, OU=Created by http://www.fiddler2.com
 *  NotBefore: 9/21/2016 4:08 AM
 *  NotAfter: 9/21/2027 4:08 AM
 * Subject: CN=DO_NOT_TRUST_FiddlerRoot, O=DO_NOT_TRUST, OU=Created by http://www.fiddler2.com
 * Signature matches Public Key
 * Root Certificate: Subject matches Issuer
 * Cert Hash(sha1): 2a 6f 3e 9b 81 c4 07 d5 5e 60 1a 93 bc 4d 28 e7 f0 19 a6 5c
 *   Key Container = {8C7D2E5A-3B41-4F0A-9E6C-1D2B3A4C5D6E}
 *   Provider = Microsoft Enhanced Cryptographic Provider v1.0
 * Private key is NOT exportable
 * CertUtil: -store command completed successfully.
 * </pre>
 *
 * reads as two machine roots: {@code InstalledRoot(MACHINE, "CN=Microsoft Root Certificate Authority, ...",
 * commonName "Microsoft Root Certificate Authority", validFrom 2001-05-09T16:19, validUntil 2021-05-09T16:28,
 * sha1 cdd4eeae..., serial 79ad16a1...)} and {@code InstalledRoot(MACHINE, "CN=DO_NOT_TRUST_FiddlerRoot, ...",
 * commonName DO_NOT_TRUST_FiddlerRoot, organization DO_NOT_TRUST, validFrom 2016-09-21T04:08,
 * sha1 2a6f3e9b81c407d55e601a93bc4d28e7f019a65c)}, each with its {@code Subject:} line as evidence. French Windows
 * ({@link #SAMPLE_FR}) translates the labels and writes dates day first:
 *
 * <pre>
 * Root "Autorités de certification racines de confiance"
 * ================ Certificat 0 ================
 * Numéro de série : 8210cfb0d240e3594463e0bb63828b00
 * Émetteur: CN=ISRG Root X1, O=Internet Security Research Group, C=US
 *  NotBefore : 04/06/2015 13:04
 *  NotAfter : 04/06/2035 13:04
 * Objet: CN=ISRG Root X1, O=Internet Security Research Group, C=US
 * La signature correspond à la clé publique
 * Certificat racine : l'objet correspond à l'émetteur
 * Hachage cert.(sha1): cabd2a79a1076a31f21d253635cb039d4329a5e8
 * Aucune information sur le fournisseur de clé
 *
 * ================ Certificat 1 ================
 * Numéro de série : 2a4f6d8e9c0b1a3e
 * Émetteur: CN=Zscaler Root CA, OU=Zscaler Inc., O=Zscaler Inc., L=San Jose, S=California, C=US
 *  NotBefore : 20/12/2014 00:07
 *  NotAfter : 15/12/2042 00:07
 * Objet: CN=Zscaler Root CA, OU=Zscaler Inc., O=Zscaler Inc., L=San Jose, S=California, C=US
 * La signature correspond à la clé publique
 * Certificat racine : l'objet correspond à l'émetteur
 * Hachage cert.(sha1): d72f47d87420fbe0a2f4b2c8e1d3b9a6c5f0e871
 * CertUtil: -store La commande s'est terminée correctement.
 * </pre>
 *
 * reads as ISRG Root X1 (valid from 2015-06-04T13:04) and Zscaler Root CA (organization {@code Zscaler Inc.}).
 *
 * <p>An entry starts at a {@code ====} line and ends at the next one, at a {@code CertUtil:} line or at the end.
 * Labels are read in English, French and German ({@code Serial Number} / {@code Numéro de série} /
 * {@code Seriennummer}, {@code Issuer} / {@code Émetteur} / {@code Aussteller}, {@code Subject} / {@code Objet} /
 * {@code Antragsteller}, {@code Cert Hash(sha1)} / {@code Hachage cert.(sha1)} / {@code Zertifikathash(sha1)};
 * {@code NotBefore} and {@code NotAfter} are not translated); in another language an entry's first value that
 * reads as a distinguished name is taken for the issuer and the second for the subject (certutil's order), its
 * first two dates for the validity. Dates: see {@link CertutilDates} (kept as written, and read only when the
 * locale's order is certain). Lines not understood are skipped; nothing throws. At most {@value #MAX_ROOTS} roots
 * are read per file; values are cut at {@value #MAX_VALUE} characters. A folder of exported certificate files
 * ({@code .cer}) is not read: the saved certutil output is the one documented source.
 */
public final class RootStoreOutput {

    /** The machine's store: the saved output of {@code certutil -store Root}. */
    public static final String FILE = "roots-machine.txt";
    /** The user's store: the saved output of {@code certutil -user -store Root}. */
    public static final String USER_FILE = "roots-user.txt";
    /** Most roots read from one file (a real store holds a few dozen to a few hundred). */
    public static final int MAX_ROOTS = 10_000;
    /** Longest value kept, in characters. */
    static final int MAX_VALUE = 1024;

    /** The English sample shown above, kept in step with it. */
    static final String SAMPLE = """
            Root "Trusted Root Certification Authorities"
            ================ Certificate 0 ================
            Serial Number: 79ad16a14aa0a5ad4c7358f407132e65
            Issuer: CN=Microsoft Root Certificate Authority, DC=microsoft, DC=com
             NotBefore: 5/9/2001 4:19 PM
             NotAfter: 5/9/2021 4:28 PM
            Subject: CN=Microsoft Root Certificate Authority, DC=microsoft, DC=com
            CA Version: V0.0
            Signature matches Public Key
            Root Certificate: Subject matches Issuer
            Cert Hash(sha1): cdd4eeae6000ac7f40c3802c171e30148030c072
            No key provider information
            Cannot find the certificate and private key for decryption.

            ================ Certificate 1 ================
            Serial Number: 00c9d5b2a4e7f1034b
            Issuer: CN=DO_NOT_TRUST_FiddlerRoot, O=DO_NOT_TRUST, OU=Created by http://www.fiddler2.com
             NotBefore: 9/21/2016 4:08 AM
             NotAfter: 9/21/2027 4:08 AM
            Subject: CN=DO_NOT_TRUST_FiddlerRoot, O=DO_NOT_TRUST, OU=Created by http://www.fiddler2.com
            Signature matches Public Key
            Root Certificate: Subject matches Issuer
            Cert Hash(sha1): 2a 6f 3e 9b 81 c4 07 d5 5e 60 1a 93 bc 4d 28 e7 f0 19 a6 5c
              Key Container = {8C7D2E5A-3B41-4F0A-9E6C-1D2B3A4C5D6E}
              Provider = Microsoft Enhanced Cryptographic Provider v1.0
            Private key is NOT exportable
            CertUtil: -store command completed successfully.
            """;

    /** The French sample shown above, kept in step with it. */
    static final String SAMPLE_FR = """
            Root "Autorités de certification racines de confiance"
            ================ Certificat 0 ================
            Numéro de série : 8210cfb0d240e3594463e0bb63828b00
            Émetteur: CN=ISRG Root X1, O=Internet Security Research Group, C=US
             NotBefore : 04/06/2015 13:04
             NotAfter : 04/06/2035 13:04
            Objet: CN=ISRG Root X1, O=Internet Security Research Group, C=US
            La signature correspond à la clé publique
            Certificat racine : l'objet correspond à l'émetteur
            Hachage cert.(sha1): cabd2a79a1076a31f21d253635cb039d4329a5e8
            Aucune information sur le fournisseur de clé

            ================ Certificat 1 ================
            Numéro de série : 2a4f6d8e9c0b1a3e
            Émetteur: CN=Zscaler Root CA, OU=Zscaler Inc., O=Zscaler Inc., L=San Jose, S=California, C=US
             NotBefore : 20/12/2014 00:07
             NotAfter : 15/12/2042 00:07
            Objet: CN=Zscaler Root CA, OU=Zscaler Inc., O=Zscaler Inc., L=San Jose, S=California, C=US
            La signature correspond à la clé publique
            Certificat racine : l'objet correspond à l'émetteur
            Hachage cert.(sha1): d72f47d87420fbe0a2f4b2c8e1d3b9a6c5f0e871
            CertUtil: -store La commande s'est terminée correctement.
            """;

    private static final Set<String> SERIAL = Set.of("serial number", "numéro de série", "numero de serie", "seriennummer");
    private static final Set<String> ISSUER = Set.of("issuer", "émetteur", "emetteur", "aussteller");
    private static final Set<String> SUBJECT = Set.of("subject", "objet", "antragsteller");
    private static final Set<String> TRANSLATED = Set.of("numéro de série", "numero de serie", "seriennummer",
            "émetteur", "emetteur", "aussteller", "objet", "antragsteller", "hachage cert.(sha1)", "zertifikathash(sha1)");

    private RootStoreOutput() {
    }

    /** True when {@code file} (a name or a path) is one of the two documented file names, in any letter case. */
    public static boolean reads(String file) {
        String name = baseName(file);
        return name.equals(FILE) || name.equals(USER_FILE);
    }

    /**
     * The roots listed in {@code lines}, in the order listed: the user's store when the file is named
     * {@value #USER_FILE}, else the machine's.
     *
     * @param file  the file's name as evidence shows it
     * @param lines its lines, decoded
     */
    public static List<Fact> parse(String file, List<String> lines) {
        RootStore store = baseName(file).equals(USER_FILE) ? RootStore.USER : RootStore.MACHINE;
        List<RootEntry> entries = new ArrayList<>();
        boolean translated = false;
        RootEntry current = null;
        for (int i = 0; i < lines.size() && entries.size() < MAX_ROOTS; i++) {
            String line = strip(lines.get(i));
            if (line.startsWith("====") && line.endsWith("====") && line.length() >= 8) {
                add(entries, current);
                current = new RootEntry(i + 1, line);
                translated |= !line.toLowerCase(Locale.ROOT).contains("certificate");
                continue;
            }
            if (current == null) {
                continue;
            }
            if (line.regionMatches(true, 0, "CertUtil:", 0, 9)) {
                add(entries, current);
                current = null;
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue; // "Signature matches Public Key", "  Key Container = ...", blank lines
            }
            String label = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = clip(line.substring(colon + 1).strip());
            translated |= TRANSLATED.contains(label);
            current.read(label, value, i + 1, line);
        }
        add(entries, current);
        List<Fact> out = new ArrayList<>(entries.size());
        for (RootEntry e : entries) {
            out.add(e.fact(file, store, translated));
        }
        return out;
    }

    private static void add(List<RootEntry> entries, RootEntry e) {
        if (e != null && e.understood() && entries.size() < MAX_ROOTS) {
            entries.add(e);
        }
    }

    private static String baseName(String file) {
        String f = file == null ? "" : file;
        int slash = Math.max(f.lastIndexOf('/'), f.lastIndexOf('\\'));
        return f.substring(slash + 1).toLowerCase(Locale.ROOT);
    }

    /** Without the line end a reader may have left ({@code \r}), a byte-order mark, or surrounding blanks. */
    private static String strip(String line) {
        String s = line == null ? "" : line;
        if (!s.isEmpty() && s.charAt(0) == '\uFEFF') {
            s = s.substring(1);
        }
        return s.strip();
    }

    private static String clip(String value) {
        return value.length() <= MAX_VALUE ? value : value.substring(0, MAX_VALUE);
    }

    /** The fields of one listed certificate, as they are read. */
    private static final class RootEntry {
        private final long headerLine;
        private final String header;
        private String serial = "";
        private String issuer = "";
        private String subject = "";
        private String notBefore = "";
        private String notAfter = "";
        private String sha1 = "";
        private long subjectLine;
        private String subjectText = "";

        RootEntry(long headerLine, String header) {
            this.headerLine = headerLine;
            this.header = header;
        }

        void read(String label, String value, long lineNo, String line) {
            if (SERIAL.contains(label)) {
                serial = hex(value, 0);
            } else if (ISSUER.contains(label)) {
                issuer = value;
            } else if (SUBJECT.contains(label)) {
                subject(value, lineNo, line);
            } else if (label.equals("notbefore")) {
                notBefore = value;
            } else if (label.equals("notafter")) {
                notAfter = value;
            } else if (label.contains("sha1")) {
                thumbprint(label, value);
            } else if (DistinguishedName.looksLikeOne(value)) { // an unknown language: certutil's order
                if (issuer.isEmpty() && subject.isEmpty()) {
                    issuer = value;
                } else if (subject.isEmpty()) {
                    subject(value, lineNo, line);
                }
            } else if (CertutilDates.DATE.matcher(value).lookingAt()) {
                if (notBefore.isEmpty()) {
                    notBefore = value;
                } else if (notAfter.isEmpty()) {
                    notAfter = value;
                }
            }
        }

        private void subject(String value, long lineNo, String line) {
            subject = value;
            subjectLine = lineNo;
            subjectText = line;
        }

        /**
         * The certificate's own hash ({@code Cert Hash(sha1)}, {@code Hachage cert.(sha1)}, {@code Zertifikathash})
         * wins over another SHA-1 a verbose listing prints ({@code Key Id Hash(sha1)}), taken only when no
         * certificate hash is there.
         */
        private void thumbprint(String label, String value) {
            boolean certificate = label.contains("cert") || label.contains("zertifikat");
            boolean key = label.contains("key") || label.contains("clé") || label.contains("schlüssel")
                    || label.contains(" id");
            if (certificate || (!key && sha1.isEmpty())) {
                String h = hex(value, 40);
                if (!h.isEmpty()) {
                    sha1 = h;
                }
            }
        }

        boolean understood() {
            return !subject.isEmpty() || !issuer.isEmpty() || !sha1.isEmpty();
        }

        InstalledRoot fact(String file, RootStore store, boolean translated) {
            DistinguishedName s = DistinguishedName.parse(subject.isEmpty() ? issuer : subject);
            DistinguishedName i = DistinguishedName.parse(issuer);
            Evidence source = subjectLine > 0 ? new Evidence(file, subjectLine, subjectText)
                    : new Evidence(file, headerLine, header);
            LocalDateTime from = CertutilDates.read(notBefore, translated);
            LocalDateTime until = CertutilDates.read(notAfter, translated);
            return new InstalledRoot(store, subject, issuer, s.values(), s.first("CN"), s.first("O"), i.first("CN"),
                    i.first("O"), notBefore, notAfter, from, until, sha1, serial, LogTime.UNKNOWN, "", source);
        }

        /**
         * The value's hexadecimal digits in lower case, spaces removed ({@code 2a 6f 3e ...}); {@code ""} when it holds
         * anything else or, for {@code length > 0}, not exactly that many digits.
         */
        private static String hex(String value, int length) {
            StringBuilder b = new StringBuilder(value.length());
            for (int k = 0; k < value.length(); k++) {
                char c = value.charAt(k);
                if (c == ' ') {
                    continue;
                }
                if (Character.digit(c, 16) < 0 || c > 'f') {
                    return "";
                }
                b.append(Character.toLowerCase(c));
            }
            return length > 0 && b.length() != length ? "" : b.toString();
        }
    }
}
