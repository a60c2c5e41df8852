package dev.sonde.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonde.facts.ClientInfo;
import dev.sonde.facts.LogTime;
import dev.sonde.testsupport.ReadResult;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** {@link ClientInfoDecoder}: its documented sample, the header's key spellings, and the product of an executable. */
class ClientInfoDecoderTest {

    @Test
    void documentedSampleReadsBackFieldByField() {
        ReadResult r = ReadResult.read("Trace-2024-03-05-09-15-00-p4242.log", ClientInfoDecoder.SAMPLE);
        assertThat(r.warnings()).isEmpty();
        assertThat(r.summary().linesSkipped()).isZero(); // the header block is read, not skipped
        assertThat(r.facts()).singleElement().isInstanceOf(ClientInfo.class);
        ClientInfo c = r.clientInfos().get(0);
        assertThat(c.product()).isEqualTo("GWSMO");
        assertThat(c.exe()).isEqualTo("outlook.exe");
        assertThat(c.version()).isEqualTo("4.3.68.0"); // the product's, not Outlook's 16.0
        assertThat(c.thread()).isEmpty();
        assertThat(c.time()).isEqualTo(new LogTime(LocalDateTime.parse("2024-03-05T09:15:22.481"), ZoneOffset.ofHours(1)));
        assertThat(c.source().line()).isEqualTo(3);
        assertThat(c.source().text()).isEqualTo("Exe name: outlook.exe");
    }

    @Test
    void withoutAHeaderTheExecutableOfTheFirstRecordsNamesTheProduct() {
        ReadResult r = ReadResult.read("Trace-x.log", "2017-09-21T04:10:04.356-03:00 1a20 I:Generic Module!Main::Start @ 1 ()> started\n"
                + "2017-09-21T04:10:04.357-03:00 1a20 I:Generic ClientMigration!Main::Start @ 2 ()> started\n");
        assertThat(r.clientInfos()).singleElement().satisfies(c -> {
            assertThat(c.product()).isEqualTo("GWMMO");
            assertThat(c.exe()).isEqualTo("ClientMigration");
            assertThat(c.version()).isEmpty();
            assertThat(c.source().line()).isEqualTo(2);
        });
    }

    @Test
    void headerBlockGivesTheClient() {
        String log = """
                Configuration:
                  LogLevel = Verbose
                Exe name: C:\\Program Files\\Google\\Google Apps Sync\\outlook.exe
                Exe version: 4.3.60.0
                Product version: 4.3.68.0
                OS Version: 10.0.19045
                Process Id: 4242
                2024-05-06T07:08:09.010+02:00 2c4 I:Generic Sync!Main::Start @ 10 ()> started
                """;
        ReadResult r = ReadResult.read("Trace-x.log", log);
        assertThat(r.summary().linesSkipped()).isZero();
        assertThat(r.clientInfos()).singleElement().satisfies(c -> {
            assertThat(c.product()).isEqualTo("GWSMO");
            assertThat(c.exe()).isEqualTo("outlook.exe");
            assertThat(c.version()).isEqualTo("4.3.68.0");
            assertThat(c.source().line()).isEqualTo(3);
        });
        assertThat(ClientInfoDecoder.product("PasswordSync.exe")).isEqualTo("GAPS");
        assertThat(ClientInfoDecoder.product("Google Apps Password Sync")).isEqualTo("GAPS");
        assertThat(ClientInfoDecoder.product("ExchangeMigration")).isEqualTo("GSMME");
        assertThat(ClientInfoDecoder.product("ClientMigration")).isEqualTo("GWMMO");
        assertThat(ClientInfoDecoder.product("ProfileEditor.exe")).isEqualTo("GWSMO");
        assertThat(ClientInfoDecoder.product("Google Workspace Sync")).isEqualTo("GWSMO");
        assertThat(ClientInfoDecoder.product("notepad.exe")).isEmpty();

        ReadResult headerOnly = ReadResult.read("Trace-y.log", "Exe name: PasswordSync.exe\nProduct version: 1.2.3\n");
        assertThat(headerOnly.summary().format()).isEqualTo("gwsmo-trace");
        assertThat(headerOnly.clientInfos()).extracting(ClientInfo::product, ClientInfo::version)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("GAPS", "1.2.3"));
        ReadResult unknownExe = ReadResult.read("Trace-z.log", "Exe name: tool.exe\nExe version: 9\n"
                + "2024-05-06T07:08:09.010+02:00 2c4 I:Generic ExchangeMigration!Main::Start @ 10 ()> started\n");
        assertThat(unknownExe.clientInfos()).extracting(ClientInfo::product, ClientInfo::exe, ClientInfo::version)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("GSMME", "tool.exe", "9"));
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
}
