package dk.trials.platform.sql;

import dk.trials.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An array literal is read by PostgreSQL as exactly the elements it was built from, whatever text they hold: each
 * is quoted, quotes and backslashes escaped, and only a null element is NULL.
 */
class ArrayLiteralTest {

    @Test
    void everyElementIsQuotedAndANullIsNull() {
        assertEquals("{\"a\",NULL,\"NULL\",\"\"}", ArrayLiteral.of(Arrays.asList("a", null, "NULL", "")));
    }

    @Test
    void quotesAndBackslashesAreEscaped() {
        assertEquals("{\"say \\\"hi\\\"\",\"C:\\\\x\"}", ArrayLiteral.of(List.of("say \"hi\"", "C:\\x")));
    }

    @Test
    void aColumnOfRowsIsTakenInTheirOrder() {
        record Row(String name, int day) {
        }
        List<Row> rows = List.of(new Row("x", 3), new Row("y", 1));
        assertEquals("{\"3\",\"1\"}", ArrayLiteral.of(rows, Row::day));
        assertEquals("{}", ArrayLiteral.of(List.<Row>of(), Row::name));
    }

    @Test
    void postgresReadsBackTheTextItWasGiven() throws SQLException {
        List<String> texts = Arrays.asList("plain", null, "NULL", "", " spaced ", "a,b", "{braces}", "\"quoted\"",
                "back\\slash", "\\\"", "æøå – 🙂", "tab\tand\nnewline");
        assertEquals(texts, roundTrip("text", ArrayLiteral.of(texts)));
    }

    @Test
    void postgresReadsBackRandomText() throws SQLException {
        Random random = new Random(20261203);
        String alphabet = "ab ,{}\"\\NUL()'æ🙂";
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            while (text.length() < length) {
                text.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0,
                        random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
            }
            texts.add(random.nextInt(20) == 0 ? null : text.toString());
        }
        assertEquals(texts, roundTrip("text", ArrayLiteral.of(texts)));
    }

    @Test
    void uuidsDatesNumbersAndBooleansAreReadAsTheirTypes() throws SQLException {
        UUID id = UUID.randomUUID();
        assertEquals(Arrays.asList(id.toString(), null), roundTrip("uuid", ArrayLiteral.of(Arrays.asList(id, null))));
        assertEquals(List.of("2027-03-01", "2100-12-31"),
                roundTrip("date", ArrayLiteral.of(List.of(LocalDate.of(2027, 3, 1), LocalDate.of(2100, 12, 31)))));
        assertEquals(List.of("-7", "2147483647"), roundTrip("int4", ArrayLiteral.of(List.of(-7, Integer.MAX_VALUE))));
        assertEquals(List.of("true", "false"), roundTrip("bool", ArrayLiteral.of(List.of(true, false))));
    }

    /** The elements as PostgreSQL reads the literal as an array of {@code type}, each as its text (null: null). */
    private static List<String> roundTrip(String type, String literal) throws SQLException {
        List<String> read = new ArrayList<>();
        try (Connection c = TestPostgres.ownerConnection("array_literal");
             PreparedStatement s = c.prepareStatement(
                     "select e::text from unnest(?::" + type + "[]) with ordinality as u(e, n) order by n")) {
            s.setString(1, literal);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    read.add(rows.getString(1));
                }
            }
        }
        return read;
    }
}
