package dev.sonde.logs;

import static dev.sonde.logs.Records.A;
import static dev.sonde.logs.Records.T;
import static dev.sonde.logs.Records.codes;
import static dev.sonde.logs.Records.flags;
import static dev.sonde.logs.Records.operation;
import static dev.sonde.logs.Records.trace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sonde.facts.NetworkError;
import dev.sonde.facts.NetworkErrorCode;
import dev.sonde.facts.SecurityFlag;
import dev.sonde.testkit.logs.LogStyle;
import dev.sonde.testsupport.ReadResult;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** {@link NetworkErrorDecoder}: its documented sample, and the number, name and message forms the logs use. */
class NetworkErrorDecoderTest {

    @Test
    void documentedSampleReadsBackRecordByRecord() {
        for (LogStyle style : LogStyle.values()) {
            SampleLog s = SampleLog.read(NetworkErrorDecoder.SAMPLE, style);
            assertThat(s.result().warnings()).isEmpty();
            assertThat(s.records()).hasSize(15);
            List<List<Tuple>> expected = List.of(
                    List.of(Tuple.tuple(NetworkErrorCode.TIMEOUT, "WinHttpReceiveResponse")),
                    List.of(Tuple.tuple(NetworkErrorCode.NAME_NOT_RESOLVED, "WinHttpConnect")),
                    List.of(Tuple.tuple(NetworkErrorCode.CANNOT_CONNECT, "WinHttpSendRequest")),
                    List.of(Tuple.tuple(NetworkErrorCode.CONNECTION_ERROR, "WinHttpReadData")),
                    List.of(Tuple.tuple(NetworkErrorCode.TIMEOUT, "")),
                    List.of(Tuple.tuple(NetworkErrorCode.CANNOT_CONNECT, "")),
                    List.of(Tuple.tuple(NetworkErrorCode.NAME_NOT_RESOLVED, "WinHttpOpenRequest")),
                    List.of(Tuple.tuple(NetworkErrorCode.CANNOT_CONNECT, "")),
                    List.of(Tuple.tuple(NetworkErrorCode.TIMEOUT, "WinHttpSendRequest")),
                    List.of(Tuple.tuple(NetworkErrorCode.TIMEOUT, "")), // -2147012894 is 0x80072EE2
                    List.of(Tuple.tuple(NetworkErrorCode.CANNOT_CONNECT, "")),
                    List.of(Tuple.tuple(NetworkErrorCode.TIMEOUT, "")),
                    List.of(Tuple.tuple(NetworkErrorCode.WSAECONNRESET, "")),
                    List.of(Tuple.tuple(NetworkErrorCode.TIMEOUT, "WinHttpReceiveResponse")),
                    List.of(Tuple.tuple(NetworkErrorCode.TIMEOUT, "WinHttpSendRequest"), Tuple.tuple(NetworkErrorCode.CANNOT_CONNECT, "WinHttpSendRequest")));
            for (int k = 0; k < expected.size(); k++) {
                assertThat(s.facts(k)).as("%s record %d: %s", style, k, s.records().get(k)).allMatch(f -> f instanceof NetworkError);
                assertThat(s.facts(k, NetworkError.class)).as("%s record %d: %s", style, k, s.records().get(k))
                        .extracting(NetworkError::code, NetworkError::operation).isEqualTo(expected.get(k));
            }
        }
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
}
