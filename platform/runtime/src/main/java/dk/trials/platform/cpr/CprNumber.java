package dk.trials.platform.cpr;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Danish CPR number, {@code DDMMYYSSSS} with an optional hyphen after the sixth digit. It lives only in memory
 * while a request is handled: {@link #toString()} never reveals it, and services keep its pseudonym instead.
 */
public final class CprNumber {

    /** What a CPR number must be, as every problem about one says it (never with the value). */
    public static final String RULE = "must be a valid CPR number: 10 digits DDMMYYSSSS with a real birth date";

    private static final Pattern FORMAT = Pattern.compile("(\\d{6})-?(\\d{4})");

    private final String digits;
    private final LocalDate birthDate;

    private CprNumber(String digits, LocalDate birthDate) {
        this.digits = digits;
        this.birthDate = birthDate;
    }

    /** The CPR number, or empty when it is not ten digits or names no real date of birth. */
    public static Optional<CprNumber> parse(String input) {
        if (input == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(input.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        String digits = m.group(1) + m.group(2);
        int day = Integer.parseInt(digits.substring(0, 2));
        int month = Integer.parseInt(digits.substring(2, 4));
        int yy = Integer.parseInt(digits.substring(4, 6));
        int seventh = digits.charAt(6) - '0';
        try {
            return Optional.of(new CprNumber(digits, LocalDate.of(century(seventh, yy) + yy, month, day)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The CPR office's rule: the seventh digit and the two-digit year together give the century. */
    static int century(int seventh, int yy) {
        return switch (seventh) {
            case 0, 1, 2, 3 -> 1900;
            case 4, 9 -> yy <= 36 ? 2000 : 1900;
            default -> yy <= 57 ? 2000 : 1800;
        };
    }

    /** The ten digits without hyphen: the only form that is ever pseudonymised. */
    String digits() {
        return digits;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    public int ageOn(LocalDate day) {
        return Period.between(birthDate, day).getYears();
    }

    /** Odd last digit: man; even: woman (the CPR register's legal gender). */
    public String gender() {
        return (digits.charAt(9) - '0') % 2 == 1 ? "M" : "F";
    }

    @Override
    public String toString() {
        return "CPR(******-****)";
    }
}
