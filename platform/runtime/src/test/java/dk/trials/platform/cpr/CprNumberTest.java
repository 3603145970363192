package dk.trials.platform.cpr;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CprNumberTest {

    @ParameterizedTest(name = "{0} was born on {1}")
    @CsvSource({
            "0101991234, 1999-01-01",
            "010199-1234, 1999-01-01",
            "3112004321, 2000-12-31",  // 7th digit 4, year 00-36: 2000s
            "3112374321, 1937-12-31",  // 7th digit 4, year 37-99: 1900s
            "1506105123, 2010-06-15",  // 7th digit 5-8, year 00-57: 2000s
            "1506585123, 1858-06-15",  // 7th digit 5-8, year 58-99: 1800s
            "0102039123, 2003-02-01",  // 7th digit 9, year 00-36: 2000s
            "0102459123, 1945-02-01",  // 7th digit 9, year 37-99: 1900s
            "2902003000, 1900-02-28"   // never reached: 1900 was no leap year, see invalid dates below
    })
    void birthDateFollowsTheCprOfficesCenturyRule(String cpr, LocalDate expected) {
        if (expected.getYear() == 1900) {
            assertFalse(CprNumber.parse(cpr).isPresent(), "29 February 1900 does not exist");
            return;
        }
        assertEquals(expected, CprNumber.parse(cpr).orElseThrow().birthDate());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "123", "01019912345", "0101991234x", "3202991234", "0013991234", "010199 1234", "01019-91234"})
    void rejectsWhatIsNotACprNumber(String input) {
        assertFalse(CprNumber.parse(input).isPresent());
    }

    @Test
    void ageIsWholeYearsOnTheDay() {
        CprNumber cpr = CprNumber.parse("0103001234").orElseThrow(); // 7th digit 1: born in the 1900s
        assertEquals(LocalDate.of(1900, 3, 1), cpr.birthDate());
        CprNumber young = CprNumber.parse("0103004234").orElseThrow();
        assertEquals(26, young.ageOn(LocalDate.of(2026, 3, 1)));
        assertEquals(25, young.ageOn(LocalDate.of(2026, 2, 28)));
    }

    @Test
    void genderComesFromTheLastDigit() {
        assertEquals("M", CprNumber.parse("0101991235").orElseThrow().gender());
        assertEquals("F", CprNumber.parse("0101991234").orElseThrow().gender());
    }

    @Test
    void neverPrintsItself() {
        assertFalse(CprNumber.parse("0101991234").orElseThrow().toString().contains("0101991234"));
        assertTrue(CprNumber.parse("0101991234").orElseThrow().toString().contains("*"));
    }
}
