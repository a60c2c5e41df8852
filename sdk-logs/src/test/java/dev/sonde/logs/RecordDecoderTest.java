package dev.sonde.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonde.facts.Certificate;
import dev.sonde.facts.Fact;
import dev.sonde.facts.NetworkError;
import dev.sonde.facts.NetworkErrorCode;
import dev.sonde.facts.ProxyEvent;
import dev.sonde.facts.SecurityFlag;
import dev.sonde.facts.TlsFailure;
import dev.sonde.testsupport.ReadResult;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Decoding of record contents: wording, spacing and number forms the logs may use. */
class RecordDecoderTest {

    private static final String T = "2024-05-06T07:08:09.010+02:00 2c4 E:Network Module!WinHttp::HandleCallback @ 100 ()> "; // exe names no product: no ClientInfo
    private static final String A = "[2024-05-06T07:08:09:ERROR:windows_http.cc(100)] ";

    private static ReadResult trace(String... lines) {
        return ReadResult.read("t.log", String.join("\n", lines) + "\n");
    }

    private static Set<SecurityFlag> flags(ReadResult r) {
        assertThat(r.tlsFailures()).hasSize(1);
        return r.tlsFailures().get(0).flags();
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
        assertThat(trace(T + "Request completed. HTTP status: 200").facts()).isEmpty();
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
    void certificateErrorsByCodeGiveAnErrorAndTheirFlag() {
        ReadResult byName = trace(T + "Request failed: ERROR_WINHTTP_SECURE_INVALID_CA");
        assertThat(byName.networkErrors()).extracting(NetworkError::code).containsExactly(NetworkErrorCode.SECURE_INVALID_CA);
        assertThat(flags(byName)).containsExactly(SecurityFlag.INVALID_CA);

        ReadResult byNumber = trace(A + "WinHttpReceiveResponse failed with error 12045");
        assertThat(byNumber.networkErrors()).extracting(NetworkError::code, NetworkError::operation)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(NetworkErrorCode.SECURE_INVALID_CA, "WinHttpReceiveResponse"));
        assertThat(flags(byNumber)).containsExactly(SecurityFlag.INVALID_CA);

        ReadResult byHresult = trace(T + "hr=0x80072F0D");
        assertThat(byHresult.networkErrors()).extracting(NetworkError::code).containsExactly(NetworkErrorCode.SECURE_INVALID_CA);

        ReadResult date = trace(T + "error 12037");
        assertThat(flags(date)).containsExactly(SecurityFlag.CERT_DATE_INVALID);

        ReadResult noFlag = trace(T + "hr = 0x80072f8f"); // SECURE_FAILURE has no flag of its own
        assertThat(noFlag.networkErrors()).extracting(NetworkError::code).containsExactly(NetworkErrorCode.SECURE_FAILURE);
        assertThat(noFlag.tlsFailures()).isEmpty();
    }

    @Test
    void errorNumbersInEveryFormTheLogsUse() {
        assertThat(codes(T + "Error result 5, hr = 0x80072ee2.")).containsExactly(NetworkErrorCode.TIMEOUT);
        assertThat(codes(T + "Connect failed. Code: 0x00002efd")).containsExactly(NetworkErrorCode.CANNOT_CONNECT);
        assertThat(codes(A + "request failed, error 12002")).containsExactly(NetworkErrorCode.TIMEOUT);
        assertThat(codes(A + "Error: 12029")).containsExactly(NetworkErrorCode.CANNOT_CONNECT);
        assertThat(codes(A + "WinHttpOpenRequest: GetLastError()=12007")).containsExactly(NetworkErrorCode.NAME_NOT_RESOLVED);
        assertThat(codes(A + "Sending failed with error (12030)")).containsExactly(NetworkErrorCode.CONNECTION_ERROR);
        assertThat(codes(A + "Giving up: ERROR_WINHTTP_TIMEOUT")).containsExactly(NetworkErrorCode.TIMEOUT);
        assertThat(codes(A + "recv: WSAECONNRESET")).containsExactly(NetworkErrorCode.WSAECONNRESET);
        assertThat(codes(A + "PAC download: error 12167")).containsExactly(NetworkErrorCode.UNABLE_TO_DOWNLOAD_SCRIPT);
        // one error per distinct code per record, in order seen
        assertThat(codes(T + "Error result 5, hr = 0x80072ee2 (error 12002, ERROR_WINHTTP_TIMEOUT); then code 0x2efd"))
                .containsExactly(NetworkErrorCode.TIMEOUT, NetworkErrorCode.CANNOT_CONNECT);
        // numbers that are not error codes
        assertThat(codes(T + "Setting event 0000000000001638.")).isEmpty();
        assertThat(codes(T + "Status: 0x00010000")).isEmpty();
        assertThat(codes(T + "Error result 5")).isEmpty();
        assertThat(codes(T + "Uploaded 12002 events, 0 errors.")).isEmpty();
        assertThat(codes(T + "error 1234")).isEmpty();
        assertThat(codes(T + "connected to 10.0.0.1:12029")).isEmpty();
    }

    private static List<NetworkErrorCode> codes(String line) {
        return trace(line).networkErrors().stream().map(NetworkError::code).toList();
    }

    @Test
    void theFailingOperation() {
        assertThat(operation(T + "Error result 1, hr = 0x80072ee2")).isEqualTo("WinHttpReceiveResponse");
        assertThat(operation(T + "Error result 2, hr = 0x80072ee2")).isEqualTo("WinHttpQueryDataAvailable");
        assertThat(operation(T + "Error result 3, hr = 0x80072ee2")).isEqualTo("WinHttpReadData");
        assertThat(operation(T + "Error result 4, hr = 0x80072ee2")).isEqualTo("WinHttpWriteData");
        assertThat(operation(T + "Error result 5, hr = 0x80072ee2")).isEqualTo("WinHttpSendRequest");
        assertThat(operation(A + "Error from API WinHttpConnect. Code: 0x00002ee7")).isEqualTo("WinHttpConnect");
        assertThat(operation(A + "WinHttpSendRequest() failed: 12029")).isEqualTo("WinHttpSendRequest");
        assertThat(operation(A + "Call to WinHttpReadData: error 12030")).isEqualTo("WinHttpReadData");
        assertThat(operation(A + "request failed: error 12002")).isEmpty();
    }

    private static String operation(String line) {
        List<NetworkError> errors = trace(line).networkErrors();
        assertThat(errors).hasSize(1);
        return errors.get(0).operation();
    }

    @Test
    void destinations() {
        ReadResult v4 = trace(A + "Network connection destination details: 216.58.194.170:443 (sfo07s13-in-f170.1e100.net)");
        assertThat(v4.destinations()).singleElement().satisfies(d -> {
            assertThat(d.ip()).isEqualTo("216.58.194.170");
            assertThat(d.port()).isEqualTo(443);
            assertThat(d.hostName()).isEqualTo("sfo07s13-in-f170.1e100.net");
        });
        ReadResult v6 = trace(T + "network connection DESTINATION DETAILS:[2607:f8b0::1]:443 ( lhr25s34-in-x01.1e100.net )");
        assertThat(v6.destinations()).singleElement().satisfies(d -> {
            assertThat(d.ip()).isEqualTo("2607:f8b0::1");
            assertThat(d.port()).isEqualTo(443);
            assertThat(d.hostName()).isEqualTo("lhr25s34-in-x01.1e100.net");
        });
        ReadResult noName = trace(T + "Destination: 127.0.0.1:8888");
        assertThat(noName.destinations()).singleElement().satisfies(d -> {
            assertThat(d.hostName()).isEmpty();
            assertThat(d.loopback()).isTrue();
        });
        assertThat(trace(T + "destination details: 1.2.3.4:99999").destinations()).isEmpty();

        ReadResult failedConnection = trace(T + "Connection to 142.250.74.46:443 timed out (error 12002)");
        assertThat(failedConnection.destinations()).singleElement().satisfies(d -> {
            assertThat(d.address()).isEqualTo("142.250.74.46:443");
            assertThat(d.hostName()).isEmpty();
        });
        assertThat(trace(T + "Connection to 142.250.74.46:443 established").destinations()).isEmpty();
        ReadResult both = trace(T + "Connecting to 10.0.0.9:443 failed: error 12029",
                "Network connection destination details: 142.250.74.46:443 (par10s40-in-f14.1e100.net)");
        assertThat(both.destinations()).extracting(d -> d.address()).containsExactly("142.250.74.46:443");
    }

    @Test
    void proxyFallbackToDirect() {
        ReadResult r = trace(A + "Error from API WinHttpSendRequest with WinHTTP proxy. Will try direct (without proxy). Code: 0x00002f8f");
        assertThat(r.proxyEvents()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ProxyEvent.Kind.DIRECT_FALLBACK);
            assertThat(p.schemes()).isEmpty();
            assertThat(p.proxy()).isEmpty();
        });
        assertThat(r.networkErrors()).extracting(NetworkError::code).containsExactly(NetworkErrorCode.SECURE_FAILURE);

        ReadResult withAddress = trace(T + "Request through proxy 10.0.0.5:3128 failed (error 12029); retrying direct.");
        assertThat(withAddress.proxyEvents()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ProxyEvent.Kind.DIRECT_FALLBACK);
            assertThat(p.proxy()).isEqualTo("10.0.0.5:3128");
        });
        assertThat(trace(T + "Using WinHTTP proxy proxy.corp:8080").proxyEvents()).isEmpty();
        assertThat(trace(T + "Direct access (no proxy server).").proxyEvents()).isEmpty();
        assertThat(trace(T + "Bypassing proxy for local addresses").proxyEvents()).isEmpty();
        assertThat(trace(T + "Connecting without proxy").proxyEvents()).isEmpty();
        assertThat(trace(T + "Proxy failed; retrying without the proxy").proxyEvents())
                .extracting(ProxyEvent::kind).containsExactly(ProxyEvent.Kind.DIRECT_FALLBACK);
        assertThat(trace(T + "Proxy unreachable, falling back to direct connection").proxyEvents())
                .extracting(ProxyEvent::kind).containsExactly(ProxyEvent.Kind.DIRECT_FALLBACK);
    }

    @Test
    void proxyAuthenticationRequired() {
        assertThat(schemes(T + "HTTP/1.1 407 Proxy Authentication Required", "Proxy-Authenticate: NTLM",
                "proxy-authenticate: negotiate", "Proxy-Authenticate: Basic realm=\"Corp, Inc\", charset=\"UTF-8\"",
                "Proxy-Authenticate: Digest realm=\"x\", nonce=\"abc\", qop=\"auth\""))
                .containsExactly("NTLM", "Negotiate", "Basic", "Digest");
        assertThat(schemes(T + "Response status 407")).isEmpty();
        assertThat(schemes(A + "Status code: 407")).isEmpty();
        assertThat(schemes(A + "The proxy said: Proxy Authentication Required")).isEmpty();
        assertThat(schemes(A + "Proxy-Authenticate: Negotiate, NTLM")).containsExactly("Negotiate", "NTLM");
        assertThat(schemes(A + "Proxy-Authenticate: Kerberos")).containsExactly("Kerberos");
        assertThat(schemes(A + "Proxy-Authenticate: Bearer realm=\"x\"")).containsExactly("Bearer");
        assertThat(schemes(A + "Request to https://www.googleapis.com failed: HTTP 407")).isEmpty();
        assertThat(schemes(A + "Got HTTP status code 407 from the proxy")).isEmpty();
        assertThat(trace(T + "Proxy-Authenticate header missing; see https://example.com").proxyEvents()).isEmpty();
        assertThat(trace(T + "HTTP/1.1 200 OK").proxyEvents()).isEmpty();
        assertThat(trace(T + "Proxy-Authorization header sent").proxyEvents()).isEmpty();
        assertThat(trace(T + "Uploaded 407 items").proxyEvents()).isEmpty();
    }

    private static List<String> schemes(String... lines) {
        ReadResult r = trace(lines);
        assertThat(r.proxyEvents()).singleElement().extracting(ProxyEvent::kind).isEqualTo(ProxyEvent.Kind.AUTH_REQUIRED);
        return r.proxyEvents().get(0).schemes();
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

        assertThat(DistinguishedNames.values("CN=a\\,b, OU=x, O=y")).containsExactly("y", "x", "a,b");
        assertThat(DistinguishedNames.values("C=US, CN=mid, O=y")).containsExactly("US", "y", "mid");
    }

    private static Certificate cert(String... lines) {
        ReadResult r = trace(lines);
        assertThat(r.certificates()).hasSize(1);
        return r.certificates().get(0);
    }

    @Test
    void certificateValuesDoNotTriggerOtherDecoders() {
        ReadResult r = trace(T + "Certificate details:", "---Subject---", "Proxy Error Code 12002 Inc",
                "WINHTTP_CALLBACK_STATUS_FLAG_INVALID_CA", "---Issuer----", "Destination: 1.2.3.4:443", "-------------");
        assertThat(r.facts()).hasSize(1).allMatch(f -> f instanceof Certificate);
    }

    @Test
    void healthyRecordsGiveNoFacts() {
        List<Fact> facts = trace(
                T + "Sync pass started for folder Inbox.",
                T + "Request completed. HTTP status: 200, 1432 bytes received.",
                T + "Setting event 0000000000001638.",
                T + "Uploaded 3 events, 0 errors.",
                T + "Using proxy settings: direct access",
                T + "Certificate revocation check succeeded for *.google.com",
                T + "Token refresh result: OK (code 200)").facts();
        assertThat(facts).isEmpty();
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

    // ---- forms seen beyond the article's two examples ----

    @Test
    void windowsMessageTextsWithoutANumber() {
        assertThat(codes(A + "WinHttpReceiveResponse: The operation timed out")).containsExactly(NetworkErrorCode.TIMEOUT);
        assertThat(codes(A + "WinHttpSendRequest: A connection with the server could not be established"))
                .containsExactly(NetworkErrorCode.CANNOT_CONNECT);
        assertThat(codes(T + "connect: No connection could be made because the target machine actively refused it."))
                .containsExactly(NetworkErrorCode.WSAECONNREFUSED);
        assertThat(codes(T + "Request failed: The server name or address could not be resolved"))
                .containsExactly(NetworkErrorCode.NAME_NOT_RESOLVED);
        assertThat(codes(T + "getaddrinfo: No such host is known.")).containsExactly(NetworkErrorCode.WSAHOST_NOT_FOUND);
        assertThat(codes(T + "recv: An existing connection was forcibly closed by the remote host."))
                .containsExactly(NetworkErrorCode.WSAECONNRESET);
        assertThat(codes(A + "The connection with the server was terminated abnormally"))
                .containsExactly(NetworkErrorCode.CONNECTION_ERROR);
        // the text next to its number gives the error once
        assertThat(codes(A + "Error 12002: The operation timed out")).containsExactly(NetworkErrorCode.TIMEOUT);
        // settings and quoted content are not errors
        assertThat(codes(T + "Request timeout setting = 30 s; connect timeout = 60 s")).isEmpty();
        assertThat(codes(T + "Downloaded message: \"Re: The operation timed out again\"")).isEmpty();
    }

    @Test
    void moreErrorNumberSpellings() {
        assertThat(codes(T + "WinHttpSendRequest failed. GetLastError: 12007")).containsExactly(NetworkErrorCode.NAME_NOT_RESOLVED);
        assertThat(codes(T + "GetLastError returned 12029")).containsExactly(NetworkErrorCode.CANNOT_CONNECT);
        assertThat(codes(T + "WinHttpReadData dwError=12030")).containsExactly(NetworkErrorCode.CONNECTION_ERROR);
        // WINHTTP_ASYNC_RESULT: dwResult is the API that failed, dwError the error
        assertThat(codes(T + "Request error: dwResult = 5, dwError = 12002")).containsExactly(NetworkErrorCode.TIMEOUT);
        assertThat(codes(T + "Sync result: 12029 items")).isEmpty();
        assertThat(codes(T + "HandleCallback: hr = -2147012894")).containsExactly(NetworkErrorCode.TIMEOUT); // 0x80072EE2
        assertThat(codes(A + "HRESULT 0x80072EFD")).containsExactly(NetworkErrorCode.CANNOT_CONNECT);
        assertThat(codes(T + "Downloaded message: \"Error 12029 on invoice 4471\"")).isEmpty();
        assertThat(codes(T + "Items: 12029 of 12029 processed, errors: 0, result 0")).isEmpty();
        assertThat(codes(T + "hr = -2147024891")).isEmpty(); // E_ACCESSDENIED, not a network error
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
    void moreDestinationAndProxyWordings() {
        assertThat(trace(T + "connect() to 216.239.36.223:443 failed, WSAETIMEDOUT (10060)").destinations())
                .extracting(d -> d.address()).containsExactly("216.239.36.223:443");
        assertThat(trace(T + "Proxy failed (error 12029); retry without WinHTTP proxy").proxyEvents())
                .extracting(ProxyEvent::kind).containsExactly(ProxyEvent.Kind.DIRECT_FALLBACK);
        assertThat(schemes(A + "The proxy server requires authentication")).isEmpty();
        assertThat(schemes(A + "Proxy authentication is required (NTLM)")).isEmpty();
        assertThat(schemes(T + "Received 407 from the proxy")).isEmpty();
        ReadResult answered = trace(A + "Proxy 10.0.0.5:8080 answered 407");
        assertThat(answered.proxyEvents()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ProxyEvent.Kind.AUTH_REQUIRED);
            assertThat(p.proxy()).isEqualTo("10.0.0.5:8080");
        });
        assertThat(trace(T + "Proxy: none; 407 items synchronized").proxyEvents()).isEmpty();
        assertThat(trace(T + "Downloaded message: \"Fwd: proxy vote 407 results\"").proxyEvents()).isEmpty();
        assertThat(trace(T + "Downloaded message: \"Retry without proxy next time\"").proxyEvents()).isEmpty();
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

    @Test
    void singleQuotedContentIsNotReadButApostrophesAreNoQuotes() {
        assertThat(trace(T + "Calendar event 'TLS failure post-mortem' moved to Friday").tlsFailures()).isEmpty();
        assertThat(trace(T + "Task 'Proxy returned 407 - fix' completed").proxyEvents()).isEmpty();
        // the apostrophes of server's / can't do not hide what follows them
        assertThat(codes(A + "Can't reach the server's address: The operation timed out")).containsExactly(NetworkErrorCode.TIMEOUT);
        assertThat(flags(trace(T + "The server's certificate: secure connection failure, it's bad")).isEmpty()).isTrue();
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
    void headerKeysInOtherSpellings() {
        ReadResult r = ReadResult.read("Trace-1.log", "ExeName: OUTLOOK.EXE\nProductVersion: 3.9.403.0\nProcess_Id: 12\n"
                + "2019-02-11T08:15:03.210+01:00 1bc I:Sync outlook!SyncManager::Start @ 402 ()> Starting\n");
        assertThat(r.clientInfos()).singleElement().satisfies(c -> {
            assertThat(c.product()).isEqualTo("GWSMO");
            assertThat(c.version()).isEqualTo("3.9.403.0");
        });
        // Outlook's own version is not GWSMO's; ProfileEditor's is
        ReadResult outlookOnly = ReadResult.read("Trace-2.log", "Exe name: OUTLOOK.EXE\nExe version: 16.0.4849.1000\n"
                + "2019-02-11T08:15:03.210+01:00 1bc I:Sync outlook!SyncManager::Start @ 402 ()> Starting\n");
        assertThat(outlookOnly.clientInfos()).singleElement().satisfies(c -> assertThat(c.version()).isEmpty());
        ReadResult editor = ReadResult.read("Trace-3.log", "Exe name: ProfileEditor.exe\nExe version: 3.9.403.0\n"
                + "2019-02-11T08:15:03.210+01:00 1bc I:Generic ProfileEditor!Main::Init @ 40 ()> Starting\n");
        assertThat(editor.clientInfos()).singleElement().satisfies(c -> assertThat(c.version()).isEqualTo("3.9.403.0"));
    }

    @Test
    void aDestinationNamedFirstKeepsTheAddressAsItsAddress() {
        assertThat(trace(A + "Network connection destination details: www.googleapis.com:443 (142.250.1.1)").destinations())
                .singleElement().satisfies(d -> {
                    assertThat(d.ip()).isEqualTo("142.250.1.1");
                    assertThat(d.hostName()).isEqualTo("www.googleapis.com");
                });
        assertThat(trace(T + "Destination: localhost:8888 ([::1])").destinations()).singleElement()
                .satisfies(d -> assertThat(d.loopback()).isTrue());
        assertThat(trace(T + "Destination: proxy.corp.example:8080 (branch proxy)").destinations()).singleElement()
                .satisfies(d -> assertThat(d.ip()).isEqualTo("proxy.corp.example"));
    }
}
