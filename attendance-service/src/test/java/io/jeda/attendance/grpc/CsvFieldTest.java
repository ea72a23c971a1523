package io.jeda.attendance.grpc;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The export's fields: quoted as RFC 4180 says, and people's words never run as spreadsheet formulas. */
class CsvFieldTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "Budi Santoso|Budi Santoso",
            "Siti, S.Kom.|\"Siti, S.Kom.\"",
            "Siti \"Ani\"|\"Siti \"\"Ani\"\"\"",
            "` Wayan`|\" Wayan\"",
            "=HYPERLINK(\"x\")|\"'=HYPERLINK(\"\"x\"\")\"",
            "+62 812|'+62 812",
            "@SUM(A1)|'@SUM(A1)",
            "-1|'-1",
    })
    void peoplesWordsAreQuotedAndDefused(String value, String written) {
        assertEquals(written, RecapMapper.text(value));
    }

    @org.junit.jupiter.api.Test
    void fieldsWithLineBreaksAreQuoted() {
        assertEquals("Asia/Jakarta", RecapMapper.field("Asia/Jakarta"));
        assertEquals("\"a\nb\"", RecapMapper.field("a\nb"));
        assertEquals("\"a\r\nb\"", RecapMapper.field("a\r\nb"));
    }
}
