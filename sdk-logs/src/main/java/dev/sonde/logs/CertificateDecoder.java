package dev.sonde.logs;

import dev.sonde.facts.Certificate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@link Certificate}s of a record: the certificate a server showed, as both GWSMO log formats print it
 * after a TLS failure. Sample ({@link #SAMPLE}, one record per unindented line, its continuation lines
 * indented; read back in {@code CertificateDecoderTest}):
 *
 * <pre>
 * Failure details:
 *   Certificate details:
 *   ---Validity--
 *   Valid from: 2016-09-20T04:08:45.000Z
 *   Valid until: 2022-09-20T04:08:45.000Z
 *   ---Subject---
 *   Created by http://www.fiddler2.com
 *   DO_NOT_TRUST
 *   *.google.com
 *   ---Issuer----
 *   Created by http://www.fiddler2.com
 *   DO_NOT_TRUST
 *   DO_NOT_TRUST_FiddlerRoot
 *   -------------
 * Certificate details:
 *   ---Validity--
 *   Valid from: 2017-09-13 17:23:55 UTC
 *   Valid until: 2017-12-06 17:10:00 UTC
 *   ---Subject---
 *   US
 *   Google Inc
 *   *.googleapis.com
 *   ---Issuer----
 *   US
 *   Google Inc
 *   Google Internet Authority G2
 *   -------------
 * Peer certificate follows.
 *   --- validity ---
 *   valid from: 13.09.2017 17:23:55
 *   VALID UNTIL: 12/16/2017 5:10:00 PM
 *   ----SUBJECT----
 *   *.google.com
 *   --Issuer--
 *   Evil Corp Root
 *   ---
 * Server certificate:
 *   Subject: CN=*.google.com, O=Google LLC, C=US
 *   Issuer: CN=WR2, O=Google Trust Services, C=US
 *   Valid from: Jan  8 08:19:26 2024 GMT
 *   Valid until: 2024-04-01T10:19:25+02:00
 * Subject: C=US, O="Zscaler, Inc.", CN=*.google.com
 * </pre>
 *
 * reads as, record by record: subject {@code [Created by http://www.fiddler2.com, DO_NOT_TRUST, *.google.com]},
 * issuer {@code [Created by http://www.fiddler2.com, DO_NOT_TRUST, DO_NOT_TRUST_FiddlerRoot]}, 2016-09-20T04:08:45Z
 * to 2022-09-20T04:08:45Z; subject {@code [US, Google Inc, *.googleapis.com]}, issuer
 * {@code [US, Google Inc, Google Internet Authority G2]}, 2017-09-13T17:23:55Z to 2017-12-06T17:10:00Z; subject
 * {@code [*.google.com]}, issuer {@code [Evil Corp Root]}, 2017-09-13T17:23:55Z to 2017-12-16T17:10:00Z (a block
 * printed without its {@code Certificate details:} line, markers in any case and length); subject
 * {@code [US, Google LLC, *.google.com]}, issuer {@code [US, Google Trust Services, WR2]}, 2024-01-08T08:19:26Z to
 * 2024-04-01T08:19:25Z (labelled one-line forms, the common name last like the block form); and subject
 * {@code [US, Zscaler, Inc., *.google.com]} without issuer or dates.
 *
 * <p>Labels, any case: {@code Subject}, {@code Issuer}, {@code Valid from} / {@code Not before} / {@code Not valid
 * before}, {@code Valid until} / {@code Valid to} / {@code Not after} / {@code Not valid after} / {@code Expires on},
 * followed by {@code :} or {@code =}. A block cut short (the record or the file ends first) gives what was read, dates possibly {@code null};
 * one that gives nothing is no certificate. Values are redacted before they are read ({@code password=X} in a
 * name would otherwise become a bare X). Dates: {@link ValidityDates}; one-line names: {@link dev.sonde.logs.host.DistinguishedName}.
 * The lines of a block are the certificate's only: the other decoders do not read them (a subject
 * {@code Proxy Error Code 12002 Inc} is a name, not an error).
 */
final class CertificateDecoder {

    /** The sample shown above, kept in step with it. */
    static final String SAMPLE = """
            Failure details:
              Certificate details:
              ---Validity--
              Valid from: 2016-09-20T04:08:45.000Z
              Valid until: 2022-09-20T04:08:45.000Z
              ---Subject---
              Created by http://www.fiddler2.com
              DO_NOT_TRUST
              *.google.com
              ---Issuer----
              Created by http://www.fiddler2.com
              DO_NOT_TRUST
              DO_NOT_TRUST_FiddlerRoot
              -------------
            Certificate details:
              ---Validity--
              Valid from: 2017-09-13 17:23:55 UTC
              Valid until: 2017-12-06 17:10:00 UTC
              ---Subject---
              US
              Google Inc
              *.googleapis.com
              ---Issuer----
              US
              Google Inc
              Google Internet Authority G2
              -------------
            Peer certificate follows.
              --- validity ---
              valid from: 13.09.2017 17:23:55
              VALID UNTIL: 12/16/2017 5:10:00 PM
              ----SUBJECT----
              *.google.com
              --Issuer--
              Evil Corp Root
              ---
            Server certificate:
              Subject: CN=*.google.com, O=Google LLC, C=US
              Issuer: CN=WR2, O=Google Trust Services, C=US
              Valid from: Jan  8 08:19:26 2024 GMT
              Valid until: 2024-04-01T10:19:25+02:00
            Subject: C=US, O="Zscaler, Inc.", CN=*.google.com
            """;

    /** Words that make a line worth reading for this decoder ({@link RecordDecoder#TRIGGERS}). */
    static final List<String> TRIGGERS = List.of("subject", "issuer", "certificate", "---");
    /**
     * Words one of which a record must hold for this decoder to find anything ({@link RecordDecoder#NEEDS}):
     * {@link #mayHold} asks for {@code certificate details}, {@code subject} or a line starting with {@code --}.
     */
    static final List<String> NEEDS = List.of("certificate", "subject", "--");

    private static final Pattern LABELLED_SUBJECT = Pattern.compile(
            "(?i)^\\s*+(?:server\\s++certificate\\s*+:?+\\s*+)?subject\\s*+[:=]\\s*+\\S*=");

    /** The certificates of a record, and the lines their blocks cover (which the other decoders pass over). */
    record Found(List<Certificate> certificates, BitSet lines) {
    }

    static final Found NONE = new Found(List.of(), new BitSet());

    private CertificateDecoder() {
    }

    /** The certificates in a record, in order. */
    static Found decode(RecordText r) {
        if (!mayHold(r)) {
            return NONE;
        }
        List<Certificate> out = new ArrayList<>(1);
        BitSet lines = new BitSet();
        for (CertificateBlock b : blocks(r)) {
            // the opening record line (index 0) may still say other things
            lines.set(Math.max(1, b.from()), b.to() + 1);
            out.add(new Certificate(b.subject(), b.issuer(), b.notBefore(), b.notAfter(), r.time(), r.thread(),
                    r.block(b.from(), b.to())));
        }
        return out.isEmpty() ? NONE : new Found(out, lines);
    }

    /** True when the record may hold a certificate (a cheap check of its lower-cased lines). */
    private static boolean mayHold(RecordText r) {
        for (int i = 0; i < r.size(); i++) {
            if (r.reads(i)) {
                String low = r.low(i);
                if (low.contains("certificate details") || (low.contains("subject") && low.indexOf('=') >= 0)
                        || (low.startsWith("--") && CertificateBlock.sectionMarker(low.strip()) != null)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code line} from {@code from} on, without the white space and the one colon that start it. */
    private static String afterColon(String line, int from) {
        int i = skipSpace(line, from);
        if (i < line.length() && line.charAt(i) == ':') {
            i = skipSpace(line, i + 1);
        }
        return line.substring(i);
    }

    /** The first index at or after {@code i} that is not white space ({@link Ascii#isSpace}). */
    private static int skipSpace(String s, int i) {
        while (i < s.length() && Ascii.isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static List<CertificateBlock> blocks(RecordText r) {
        List<CertificateBlock> blocks = new ArrayList<>(1);
        int n = r.size();
        int i = 0;
        while (i < n) {
            String line = r.text(i);
            int details = Ascii.indexOfLower(line, "certificate details");
            CertificateBlock b = null;
            if (details >= 0) {
                String rest = afterColon(line, details + "certificate details".length());
                b = CertificateBlock.parse(r, i, rest.isEmpty() ? null : rest);
            } else if (Ascii.indexOfLower(line, "subject") >= 0 // no matcher for the lines that cannot match
                    && LABELLED_SUBJECT.matcher(line).lookingAt()) {
                b = CertificateBlock.parse(r, i, line);
            } else if (i > 0 && line.startsWith("--") && CertificateBlock.sectionMarker(line.strip()) != null) {
                b = CertificateBlock.parse(r, i - 1, null).from(i); // a block printed without its "Certificate details:" line
            }
            if (b == null) {
                i++;
                continue;
            }
            if (!b.empty()) {
                blocks.add(b);
            }
            i = Math.max(i + 1, b.to() + 1);
        }
        return blocks;
    }
}
