package dk.trials.platform.cpr;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CprLikeTest {

    private static final DateTimeFormatter DDMMYY = DateTimeFormatter.ofPattern("ddMMyy");
    private static final String[] SEPARATORS = {"", "-", " ", "."};
    private static final String[] WORDS = {"", "moved ", "ref: ", "(", "x", "sag nr. ", "Ærø/"};
    private static final String[] ENDS = {"", " today", ")", "x", ".", "-a", "/"};
    private final Random random = new Random(20271101L);

    private String fourDigits() {
        return String.format("%04d", random.nextInt(10_000));
    }

    private LocalDate anyDate() {
        return LocalDate.of(1900, 1, 1).plusDays(random.nextInt(200 * 366));
    }

    @Test
    void examples_the_contract_and_the_issue_name_are_cpr_like() {
        assertTrue(CprLike.appearsIn("0101991234"));
        assertTrue(CprLike.appearsIn("010199-1234"));
        assertTrue(CprLike.appearsIn("010199 1234"));
        assertTrue(CprLike.appearsIn("010199.1234"));
        assertTrue(CprLike.appearsIn("x0101991234"));
        assertTrue(CprLike.appearsIn("citizen 3112991234, moved"));
    }

    @Test
    void examples_that_are_not_cpr_like() {
        assertFalse(CprLike.appearsIn(null));
        assertFalse(CprLike.appearsIn(""));
        assertFalse(CprLike.appearsIn("dream-2027w09-0001"));
        assertFalse(CprLike.appearsIn("010199--1234"), "two separators");
        assertFalse(CprLike.appearsIn("010199-123"), "three digits after");
        assertFalse(CprLike.appearsIn("01019912345"), "eleven digits");
        assertFalse(CprLike.appearsIn("90101991234"), "a digit before");
        assertFalse(CprLike.appearsIn("3201991234"), "day 32");
        assertFalse(CprLike.appearsIn("0013991234"), "month 13");
        assertFalse(CprLike.appearsIn("0001991234"), "day 0");
    }

    @Test
    void leap_days_count_where_the_two_digit_year_can_be_a_leap_year() {
        assertTrue(CprLike.appearsIn("2902001234"), "2000 is a leap year");
        assertTrue(CprLike.appearsIn("290296-1234"));
        assertFalse(CprLike.appearsIn("2902011234"));
        assertFalse(CprLike.appearsIn("290297-1234"));
        assertFalse(CprLike.appearsIn("3002961234"), "30 February");
        assertFalse(CprLike.appearsIn("3104961234"), "31 April");
    }

    @Test
    void a_real_date_with_any_one_separator_and_text_around_is_found() {
        for (int i = 0; i < 5_000; i++) {
            String cpr = anyDate().format(DDMMYY) + SEPARATORS[random.nextInt(SEPARATORS.length)] + fourDigits();
            String text = WORDS[random.nextInt(WORDS.length)] + cpr + ENDS[random.nextInt(ENDS.length)];

            assertTrue(CprLike.appearsIn(text), text);
        }
    }

    @Test
    void a_real_date_joined_to_more_digits_is_not_a_cpr_number() {
        for (int i = 0; i < 5_000; i++) {
            String cpr = anyDate().format(DDMMYY) + SEPARATORS[random.nextInt(SEPARATORS.length)] + fourDigits();
            String text = random.nextBoolean() ? random.nextInt(10) + cpr : cpr + random.nextInt(10);

            assertFalse(CprLike.appearsIn("id " + text), text);
        }
    }

    @Test
    void six_digits_that_are_no_date_are_not_a_cpr_number_whatever_follows() {
        int checked = 0;
        while (checked < 5_000) {
            int day = random.nextInt(100), month = random.nextInt(100), yy = random.nextInt(100);
            if (isDate(day, month, yy)) {
                continue;
            }
            String text = String.format("%02d%02d%02d", day, month, yy) + SEPARATORS[random.nextInt(SEPARATORS.length)]
                    + fourDigits();

            assertFalse(CprLike.appearsIn(text), text);
            checked++;
        }
    }

    @Test
    void a_number_after_one_that_is_no_date_is_still_found() {
        assertTrue(CprLike.appearsIn("9999 010199-1234"));
        assertTrue(CprLike.appearsIn("3299991234 and 0101991234"));
    }

    /** The oracle: a day that exists in that month of some year ending in yy (1900 to 2099 covers every yy). */
    private static boolean isDate(int day, int month, int yy) {
        for (int century : new int[]{1900, 2000}) {
            try {
                LocalDate.of(century + yy, month, day);
                return true;
            } catch (java.time.DateTimeException e) {
                // not in this century; try the other
            }
        }
        return false;
    }
}
