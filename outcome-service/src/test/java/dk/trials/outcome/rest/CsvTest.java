package dk.trials.outcome.rest;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The analysts' CSV: RFC 4180 quoting, a header row, locale-free numbers and ISO dates, empty for null. */
class CsvTest {

    @Test
    void aValueWithACommaQuoteOrLineBreakIsQuotedWithItsQuotesDoubled() {
        String csv = new Csv(List.of("arm", "reason")).row("a,b", "no \"job\" exit").row("two\nlines", "cr\rhere")
                .row("plain", null).toString();

        assertEquals("arm,reason\n\"a,b\",\"no \"\"job\"\" exit\"\n\"two\nlines\",\"cr\rhere\"\nplain,\n", csv);
    }

    @Test
    void numbersAndDatesAreWrittenTheSameWhateverTheDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            String csv = new Csv(List.of("asOf", "estimate", "small", "count"))
                    .row(LocalDate.of(2027, 6, 30), 0.474596690491788, 1.5e-7, 1234567L).toString();

            assertEquals("asOf,estimate,small,count\n2027-06-30,0.474596690491788,1.5E-7,1234567\n", csv);
        } finally {
            Locale.setDefault(before);
        }
    }
}
