package dev.sonde.logs.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** {@link CertutilDates}: each locale's order read when it is certain, left unread when it is not. */
class CertutilDatesTest {

    @Test
    void eachOrderIsToldByTheFormat() {
        LocalDateTime t = LocalDateTime.of(2016, 9, 21, 16, 8);
        assertThat(CertutilDates.read("9/21/2016 4:08 PM", false)).isEqualTo(t);
        assertThat(CertutilDates.read("12/1/2016 12:08 AM", false)).isEqualTo(LocalDateTime.of(2016, 12, 1, 0, 8));
        assertThat(CertutilDates.read("21/09/2016 16:08", true)).isEqualTo(t);
        assertThat(CertutilDates.read("21.09.2016 16:08", false)).isEqualTo(t); // dots: day first, any labels
        assertThat(CertutilDates.read("21.9.2016 16.08", false)).isEqualTo(t); // Finnish time separator
        assertThat(CertutilDates.read("2016/09/21 16:08", false)).isEqualTo(t);
        assertThat(CertutilDates.read("2016-09-21 16:08:45", false)).isEqualTo(t.withSecond(45));
    }

    @Test
    void whatCannotBeToldStaysUnread() {
        assertThat(CertutilDates.read("05/09/2016 04:08", false)).isNull(); // English labels, 24 h: May or September
        assertThat(CertutilDates.read("05/09/2016 04:08", true)).isEqualTo(LocalDateTime.of(2016, 9, 5, 4, 8));
        assertThat(CertutilDates.read("9/21/16 4:08 PM", false)).isNull(); // which century
        assertThat(CertutilDates.read("31.02.2016 04:08", false)).isNull(); // no such day
        assertThat(CertutilDates.read("13/13/2016 04:08", true)).isNull();
        assertThat(CertutilDates.read("0:30 AM 1/1/2016", false)).isNull();
        assertThat(CertutilDates.read("2016-09-21 오전 4:08", false)).isNull();
        assertThat(CertutilDates.read("", true)).isNull();
    }
}
