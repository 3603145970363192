package dk.trials.platform.sql;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A values list has one placeholder per row and column, numbered row after row where the query numbers them. */
class ValuesRowsTest {

    @Test
    void numberedPlaceholdersRunRowAfterRow() {
        assertEquals("(?1, ?2, ?3), (?4, ?5, ?6)", ValuesRows.placeholders(2, 3));
    }

    @Test
    void unnumberedPlaceholdersAreForJdbc() {
        assertEquals("(?, ?), (?, ?), (?, ?)", ValuesRows.unnumbered(3, 2));
    }

    @Test
    void oneRowHasNoSeparator() {
        assertEquals("(?)", ValuesRows.unnumbered(1, 1));
    }
}
