package dev.sonde.logs;

import static dev.sonde.logs.Records.A;
import static dev.sonde.logs.Records.T;
import static dev.sonde.logs.Records.flags;
import static dev.sonde.logs.Records.trace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sonde.facts.NetworkError;
import dev.sonde.facts.NetworkErrorCode;
import dev.sonde.facts.SecurityFlag;
import dev.sonde.facts.ServerAnswer;
import dev.sonde.facts.TlsFailure;
import dev.sonde.testkit.logs.LogStyle;
import dev.sonde.testsupport.ReadResult;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link TlsFailureDecoder}: its documented sample, and the Status / Info spellings, flag names and words around it. */
class TlsFailureDecoderTest {

    @Test
    void documentedSampleReadsBackRecordByRecord() {
        for (LogStyle style : LogStyle.values()) {
            SampleLog s = SampleLog.read(TlsFailureDecoder.SAMPLE, style);
            assertThat(s.result().warnings()).isEmpty();
            assertThat(s.records()).hasSize(14);
            List<Set<SecurityFlag>> expected = List.of(
                    EnumSet.of(SecurityFlag.CERT_REV_FAILED, SecurityFlag.INVALID_CA),
                    EnumSet.of(SecurityFlag.CERT_DATE_INVALID),
                    EnumSet.of(SecurityFlag.CERT_REVOKED, SecurityFlag.SECURITY_CHANNEL_ERROR),
                    EnumSet.of(SecurityFlag.CERT_REV_FAILED, SecurityFlag.CERT_DATE_INVALID),
                    EnumSet.of(SecurityFlag.CERT_CN_INVALID),
                    EnumSet.of(SecurityFlag.CERT_DATE_INVALID),
                    EnumSet.of(SecurityFlag.CERT_REV_FAILED, SecurityFlag.INVALID_CA),
                    EnumSet.of(SecurityFlag.SECURITY_CHANNEL_ERROR),
                    EnumSet.of(SecurityFlag.CERT_CN_INVALID, SecurityFlag.INVALID_CA), // decimal: 24 = 0x18
                    EnumSet.of(SecurityFlag.CERT_REV_FAILED, SecurityFlag.INVALID_CA),
                    EnumSet.of(SecurityFlag.CERT_REV_FAILED, SecurityFlag.CERT_CN_INVALID),
                    EnumSet.of(SecurityFlag.CERT_REVOKED),
                    EnumSet.noneOf(SecurityFlag.class), // the words alone
                    EnumSet.of(SecurityFlag.INVALID_CA)); // error 12045
            for (int k = 0; k < expected.size(); k++) {
                assertThat(s.facts(k, TlsFailure.class)).as("%s record %d: %s", style, k, s.records().get(k))
                        .extracting(TlsFailure::flags).containsExactly(Set.copyOf(expected.get(k)));
            }
            for (int k = 0; k < 13; k++) {
                assertThat(s.facts(k)).as("record %d gives its TLS failure only", k).hasSize(1);
            }
            // the flag lines are quoted after the record's first line
            assertThat(s.facts(10, TlsFailure.class).get(0).source().text()).endsWith("Info 0x00000001\n"
                    + "WINHTTP_CALLBACK_STATUS_FLAG_CERT_REV_FAILED: revocation check failed\n"
                    + "winhttp_callback_status_flag_cert_cn_invalid: lower case too");
            assertThat(s.facts(11, TlsFailure.class).get(0).source().text()).endsWith("Failure details:\n"
                    + "WINHTTP_CALLBACK_STATUS_FLAG_CERT_REVOKED: revoked");
            assertThat(s.facts(13, NetworkError.class)).extracting(NetworkError::code)
                    .containsExactly(NetworkErrorCode.SECURE_INVALID_CA);
        }
    }

    @Test
    void statusAndInfoBitmaskInAnySpelling() {
        assertThat(flags(trace(T + "Secure connection failure. Status: 0x00010000. Info 0x00000009")))
                .containsExactlyInAnyOrder(SecurityFlag.CERT_REV_FAILED, SecurityFlag.INVALID_CA);
        assertThat(flags(trace(A + "TLS connection failure. [Status: 0x00010000. Status Info: 0x00000020]")))
                .containsExactly(SecurityFlag.CERT_DATE_INVALID);
        assertThat(flags(trace(T + "Callback status=0X10000, status info: 0X80000004")))
                .containsExactlyInAnyOrder(SecurityFlag.CERT_REVOKED, SecurityFlag.SECURITY_CHANNEL_ERROR);
        assertThat(flags(trace(T + "Secure failure: Status 00010000, Info: 00000010")))
                .containsExactly(SecurityFlag.CERT_CN_INVALID);
        assertThat(flags(trace(T + "Status: 0x00010000. Info 0x00000042")))
                .containsExactlyInAnyOrder(SecurityFlag.INVALID_CERT, SecurityFlag.CERT_WRONG_USAGE);
        // the words alone, without a decodable reason
        assertThat(flags(trace(T + "Secure connection failure."))).isEmpty();
        assertThat(flags(trace(A + "TLS handshake failed for oauth2.googleapis.com"))).isEmpty();
        // Status without the secure-failure bit is not a TLS failure
        assertThat(trace(T + "Request done. Status: 0x00000200. Info 0x00000009").tlsFailures()).isEmpty();
        assertThat(trace(T + "Request completed. HTTP status: 200").facts()).singleElement().isInstanceOf(ServerAnswer.class);
    }

    @Test
    void flagNamesAnywhereInTheRecordJoinTheDecodedFlagsOnce() {
        ReadResult r = trace(
                T + "Secure connection failure. Status: 0x00010000. Info 0x00000001",
                "WINHTTP_CALLBACK_STATUS_FLAG_CERT_REV_FAILED: revocation check failed",
                "winhttp_callback_status_flag_cert_cn_invalid: lower case too");
        assertThat(flags(r)).containsExactlyInAnyOrder(SecurityFlag.CERT_REV_FAILED, SecurityFlag.CERT_CN_INVALID);
        assertThat(r.tlsFailures().get(0).source().line()).isEqualTo(1);
        assertThat(r.tlsFailures().get(0).source().text()).contains("\nWINHTTP_CALLBACK_STATUS_FLAG_CERT_REV_FAILED");

        ReadResult namesOnly = trace(T + "Failure details:", "WINHTTP_CALLBACK_STATUS_FLAG_CERT_REVOKED: revoked");
        assertThat(flags(namesOnly)).containsExactly(SecurityFlag.CERT_REVOKED);

        ReadResult unknownName = trace(T + "WINHTTP_CALLBACK_STATUS_FLAG_SOMETHING_NEW: ?");
        assertThat(unknownName.tlsFailures()).isEmpty();
    }

    @Test
    void statusAndFlagsInCallbackSpellings() {
        assertThat(flags(trace(T + "dwInternetStatus = 0x00010000, lpvStatusInformation = 0x00000020")))
                .containsExactly(SecurityFlag.CERT_DATE_INVALID);
        assertThat(flags(trace(T + "WINHTTP_CALLBACK_STATUS_SECURE_FAILURE, flags = 0x00000009")))
                .containsExactlyInAnyOrder(SecurityFlag.CERT_REV_FAILED, SecurityFlag.INVALID_CA);
        assertThat(flags(trace(T + "Secure failure, security flags: 0x80000000")))
                .containsExactly(SecurityFlag.SECURITY_CHANNEL_ERROR);
        // flags of a callback that is not a secure failure are not reasons
        assertThat(trace(T + "Callback status 0x00000200, flags = 0x00000008").tlsFailures()).isEmpty();
        // TLS words quoted from a mail subject or an event title are not a failure
        assertThat(trace(T + "Event \"Certificate expiry review / TLS error budget\" updated").tlsFailures()).isEmpty();
        assertThat(flags(trace(T + "TLS error on \"oauth2.googleapis.com\""))).isEmpty();
    }

    @Test
    void theCallbackStatusIsOneValueNotAMask() {
        assertThat(trace(T + "Status: 0xFFFFFFFF. Info 0x00000009").tlsFailures()).isEmpty();
        assertThat(trace(T + "Status: 0x00030000. Info 0x00000009").tlsFailures()).isEmpty();
        assertThat(flags(trace(T + "Status: 0x10000. Info 0x9")))
                .containsExactlyInAnyOrder(SecurityFlag.CERT_REV_FAILED, SecurityFlag.INVALID_CA);
        // a status printed in decimal (65536) comes with a decimal info: 24 = 0x18
        assertThat(flags(trace(T + "Secure failure: status 65536, info 24")))
                .containsExactlyInAnyOrder(SecurityFlag.CERT_CN_INVALID, SecurityFlag.INVALID_CA);
        assertThat(flags(trace(T + "Status: 65536. Info: 0x00000009")))
                .containsExactlyInAnyOrder(SecurityFlag.CERT_REV_FAILED, SecurityFlag.INVALID_CA);
    }

    @Test
    void oneTlsFailurePerRecordWithTheUnionOfAllReasons() {
        ReadResult r = trace(T + "Secure connection failure. Status: 0x00010000. Info 0x00000001 error 12045",
                "WINHTTP_CALLBACK_STATUS_FLAG_CERT_CN_INVALID");
        assertThat(r.tlsFailures()).hasSize(1);
        assertThat(r.tlsFailures().get(0).flags()).isEqualTo(
                EnumSet.of(SecurityFlag.CERT_REV_FAILED, SecurityFlag.INVALID_CA, SecurityFlag.CERT_CN_INVALID));
        assertThat(r.tlsFailures()).allMatch(TlsFailure::detailed);
    }
}
