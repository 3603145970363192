package dk.trials.enrolment;

import dk.trials.platform.time.TrialsClock;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Valid, distinct CPR numbers for tests. Every number handed out is remembered, so that the leak test can look for
 * all of them in the database, the log and the topics after the suite has enrolled them.
 */
public final class Citizens {

    public static final ZoneId COPENHAGEN = TrialsClock.ZONE;
    private static final Set<String> ISSUED = ConcurrentHashMap.newKeySet();
    private static final AtomicInteger SERIAL = new AtomicInteger();

    private Citizens() {
    }

    /** A citizen who turned {@code age} yesterday (Copenhagen time); an odd last digit is a man, even a woman. */
    public static String aged(int age) {
        int n = SERIAL.incrementAndGet();
        // A thousand serials per birth date; the birth date moves a day back per thousand, keeping the age.
        LocalDate born = LocalDate.now(COPENHAGEN).minusYears(age).minusDays(1 + n / 1000);
        // 7th digit 4 puts birth years 00-36 in the 2000s and 37-99 in the 1900s.
        String cpr = born.format(DateTimeFormatter.ofPattern("ddMMyy")) + "4" + String.format("%03d", n % 1000);
        ISSUED.add(cpr);
        return cpr;
    }

    public static Set<String> issued() {
        return Set.copyOf(ISSUED);
    }
}
