package dk.trials.platform.cpr;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what looks like a CPR number inside free text, so that no field meant for words (a reason, a source, a
 * benefit type) can carry one into storage, a log or a topic. CPR-like is six digits forming a real DDMMYY date, at
 * most one {@code -}, space or {@code .}, then four digits, and no digit directly before or after. The test is
 * deliberately wider than {@link CprNumber#parse}: the date is real in some century (29 February wherever YY is a
 * multiple of four), whatever the seventh digit says, because a detector that misses a real number is worse than one
 * that refuses an odd reference.
 */
public final class CprLike {

    private static final Pattern CANDIDATE = Pattern.compile("(?<![0-9])([0-9]{2})([0-9]{2})([0-9]{2})[-. ]?[0-9]{4}(?![0-9])");
    private static final int[] DAYS_IN_MONTH = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    private CprLike() {
    }

    /** Whether the text holds a CPR-like number anywhere. */
    public static boolean appearsIn(CharSequence text) {
        if (text == null) {
            return false;
        }
        Matcher candidate = CANDIDATE.matcher(text);
        int from = 0;
        while (from < text.length() && candidate.find(from)) {
            if (isDate(Integer.parseInt(candidate.group(1)), Integer.parseInt(candidate.group(2)),
                    Integer.parseInt(candidate.group(3)))) {
                return true;
            }
            // A candidate whose first six digits are no date may still hide one that starts inside it.
            from = candidate.start() + 1;
        }
        return false;
    }

    private static boolean isDate(int day, int month, int yy) {
        if (month < 1 || month > 12 || day < 1) {
            return false;
        }
        if (month == 2 && day == 29) {
            return yy % 4 == 0;
        }
        return day <= DAYS_IN_MONTH[month - 1];
    }
}
