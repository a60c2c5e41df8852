package dev.sonde.logs;

import dev.sonde.logs.host.DistinguishedName;
import static dev.sonde.logs.Records.A;
import static dev.sonde.logs.Records.T;
import static dev.sonde.logs.Records.cert;
import static dev.sonde.logs.Records.flags;
import static dev.sonde.logs.Records.trace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sonde.facts.Certificate;
import dev.sonde.facts.SecurityFlag;
import dev.sonde.testkit.logs.LogStyle;
import dev.sonde.testsupport.ReadResult;
import java.time.Instant;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** {@link CertificateDecoder} (and {@link ValidityDates}, {@link DistinguishedName}): its documented sample, and the block layouts, labels and dates around it. */
class CertificateDecoderTest {

    @Test
    void documentedSampleReadsBackRecordByRecord() {
        for (LogStyle style : LogStyle.values()) {
            SampleLog s = SampleLog.read(CertificateDecoder.SAMPLE, style);
            assertThat(s.result().warnings()).isEmpty();
            assertThat(s.records()).hasSize(5);
            assertThat(s.result().facts()).as("the blocks' lines are the certificates' only").allMatch(f -> f instanceof Certificate);
            List<Tuple> expected = List.of(
                    Tuple.tuple(List.of("Created by http://www.fiddler2.com", "DO_NOT_TRUST", "*.google.com"),
                            List.of("Created by http://www.fiddler2.com", "DO_NOT_TRUST", "DO_NOT_TRUST_FiddlerRoot"),
                            Instant.parse("2016-09-20T04:08:45Z"), Instant.parse("2022-09-20T04:08:45Z")),
                    Tuple.tuple(List.of("US", "Google Inc", "*.googleapis.com"), List.of("US", "Google Inc", "Google Internet Authority G2"),
                            Instant.parse("2017-09-13T17:23:55Z"), Instant.parse("2017-12-06T17:10:00Z")),
                    Tuple.tuple(List.of("*.google.com"), List.of("Evil Corp Root"),
                            Instant.parse("2017-09-13T17:23:55Z"), Instant.parse("2017-12-16T17:10:00Z")),
                    Tuple.tuple(List.of("US", "Google LLC", "*.google.com"), List.of("US", "Google Trust Services", "WR2"),
                            Instant.parse("2024-01-08T08:19:26Z"), Instant.parse("2024-04-01T08:19:25Z")),
                    Tuple.tuple(List.of("US", "Zscaler, Inc.", "*.google.com"), List.of(), null, null));
            for (int k = 0; k < expected.size(); k++) {
                assertThat(s.facts(k, Certificate.class)).as("%s record %d: %s", style, k, s.records().get(k))
                        .extracting(Certificate::subject, Certificate::issuer, Certificate::notBefore, Certificate::notAfter)
                        .containsExactly(expected.get(k));
            }
            // a block quotes its lines, from its first ("Certificate details:", or its first marker)
            Certificate fiddler = s.facts(0, Certificate.class).get(0);
            assertThat(fiddler.source().line()).isEqualTo(s.first().get(0) + 1);
            assertThat(fiddler.source().text()).startsWith("Certificate details:\n---Validity--\n").endsWith("\n-------------");
            Certificate google = s.facts(1, Certificate.class).get(0);
            assertThat(google.source().line()).isEqualTo(s.first().get(1));
            Certificate evil = s.facts(2, Certificate.class).get(0);
            assertThat(evil.source().line()).isEqualTo(s.first().get(2) + 1);
            assertThat(evil.source().text()).startsWith("--- validity ---\n");
        }
    }

    @Test
    void certificateBlockVariants() {
        Certificate c = cert(T + "Certificate details:", "--- validity ---", "valid from: 2016-09-20T04:08:45Z",
                "VALID UNTIL: 2022-09-20T04:08:45+00:00", "----SUBJECT----", "  *.google.com  ", "--Issuer--", "GTS CA 1C3", "---");
        assertThat(c.subject()).containsExactly("*.google.com");
        assertThat(c.issuer()).containsExactly("GTS CA 1C3");
        assertThat(c.notBefore()).isEqualTo(Instant.parse("2016-09-20T04:08:45Z"));
        assertThat(c.notAfter()).isEqualTo(Instant.parse("2022-09-20T04:08:45Z"));

        Certificate offset = cert(T + "Certificate details:", "---Validity--", "Valid from: 2024-01-01T02:00:00.5+02:00",
                "Valid until: Mar 25 08:19:25 2024 GMT", "-------------");
        assertThat(offset.notBefore()).isEqualTo(Instant.parse("2024-01-01T00:00:00.5Z"));
        assertThat(offset.notAfter()).isEqualTo(Instant.parse("2024-03-25T08:19:25Z"));
        assertThat(offset.subject()).isEmpty();
    }

    @Test
    void certificateBlockWithoutItsHeadingLine() {
        ReadResult r = trace(A + "TLS connection failure. See details below. [Status: 0x00010000. Status Info: 0x00000008]",
                "---Validity--", "Valid from: 2017-09-13 17:23:55 UTC", "Valid until: 2017-12-06 17:10:00 UTC",
                "---Subject---", "*.google.com", "---Issuer----", "Evil Corp Root", "-------------");
        assertThat(flags(r)).containsExactly(SecurityFlag.INVALID_CA);
        assertThat(r.certificates()).singleElement().satisfies(c -> {
            assertThat(c.subject()).containsExactly("*.google.com");
            assertThat(c.issuer()).containsExactly("Evil Corp Root");
            assertThat(c.notAfter()).isEqualTo(Instant.parse("2017-12-06T17:10:00Z"));
            assertThat(c.source().line()).isEqualTo(2);
            assertThat(c.source().text()).startsWith("---Validity--\n");
        });
    }

    @Test
    void truncatedCertificateBlocksGiveWhatWasRead() {
        Certificate cut = cert(T + "Certificate details:", "---Validity--", "Valid from: 2017-09-13 17:23:55 UTC",
                "---Subject---", "US", "Google LLC");
        assertThat(cut.notBefore()).isEqualTo(Instant.parse("2017-09-13T17:23:55Z"));
        assertThat(cut.notAfter()).isNull();
        assertThat(cut.hasValidity()).isFalse();
        assertThat(cut.subject()).containsExactly("US", "Google LLC");
        assertThat(cut.issuer()).isEmpty();

        // a new record cuts the block short; the next record is read normally
        ReadResult r = trace(T + "Certificate details:", "---Validity--", "Valid from: garbage",
                T + "Network connection destination details: 1.2.3.4:443");
        assertThat(r.certificates()).isEmpty(); // nothing usable was read
        assertThat(r.destinations()).hasSize(1);
    }

    @Test
    void labelledOneLineCertificateForms() {
        Certificate c = cert(A + "Server certificate:", "Subject: CN=*.google.com, O=Google LLC, C=US",
                "Issuer: CN=WR2, O=Google Trust Services, C=US", "Valid from: 2024-01-08 08:19:26 UTC",
                "Valid until: 2024-04-01 08:19:25 UTC");
        assertThat(c.subject()).containsExactly("US", "Google LLC", "*.google.com");
        assertThat(c.issuer()).containsExactly("US", "Google Trust Services", "WR2");
        assertThat(c.notBefore()).isEqualTo(Instant.parse("2024-01-08T08:19:26Z"));
        assertThat(c.notAfter()).isEqualTo(Instant.parse("2024-04-01T08:19:25Z"));
        assertThat(c.subjectName()).isEqualTo("*.google.com");
        assertThat(c.issuerName()).isEqualTo("WR2");

        Certificate quoted = cert(A + "Subject: C=US, O=\"Zscaler, Inc.\", CN=*.google.com");
        assertThat(quoted.subject()).containsExactly("US", "Zscaler, Inc.", "*.google.com");

        assertThat(DistinguishedName.parse("CN=a\\,b, OU=x, O=y").certificateOrder()).containsExactly("y", "x", "a,b");
        assertThat(DistinguishedName.parse("C=US, CN=mid, O=y").certificateOrder()).containsExactly("US", "y", "mid");
    }

    @Test
    void numericValidityDatesOnlyWhenDayAndMonthAreCertain() {
        Certificate us = cert(T + "Certificate details:", "---Validity--", "Valid from: 9/13/2017 5:23:55 PM",
                "Valid until: 13.12.2017 17:10:00", "-------------");
        assertThat(us.notBefore()).isEqualTo(Instant.parse("2017-09-13T17:23:55Z"));
        assertThat(us.notAfter()).isEqualTo(Instant.parse("2017-12-13T17:10:00Z"));
        Certificate dayFirst = cert(T + "Certificate details:", "---Validity--", "Valid from: 20/09/2016 04:08:45",
                "Valid until: 04/03/2024 08:00:00", "---Subject---", "*.google.com", "-------------");
        assertThat(dayFirst.notBefore()).isEqualTo(Instant.parse("2016-09-20T04:08:45Z"));
        assertThat(dayFirst.notAfter()).as("4 March or 3 April: unknown").isNull();
        assertThat(ValidityDates.parse("12/31/2024 12:00:00 AM")).isEqualTo(Instant.parse("2024-12-31T00:00:00Z"));
        assertThat(ValidityDates.parse("12/31/2024 13:00:00 PM")).isNull();
    }
}
