package dk.trials.enrolment.service;

import dk.trials.enrolment.TrialDocument;
import dk.trials.events.trial.RandomisationMethod;
import dk.trials.events.trial.StratificationFactor;

import java.util.ArrayList;
import java.util.List;

/**
 * A participant's factor levels (such as {@code jobcentre=101}, {@code ageBand=18-24}) and the stratum they make
 * ({@code jobcentre=101|ageBand=18-24}; {@code all} for a design without factors).
 * <ul>
 *   <li>{@code ageBand}: the design's {@code ageBands} are lower bounds; {@code [18, 25, 30]} gives {@code 18-24},
 *   {@code 25-29}, {@code 30+}, and {@code <18} below the first bound.</li>
 *   <li>{@code unemploymentDuration}: weeks unemployed in bands {@code 0-12}, {@code 13-26}, {@code 27-52}, {@code 53+}
 *   (a quarter, half a year, a year: the horizons at which Danish activation rules change).</li>
 *   <li>{@code gender}: {@code M} or {@code F} from the CPR number; {@code benefitType} and {@code jobcentre} as given.</li>
 * </ul>
 */
public final class StratumKey {

    public static final String NO_STRATA = "all";

    private StratumKey() {
    }

    /** The factors the design allocates by: minimisation factors for minimisation (else stratifyBy), stratifyBy otherwise. */
    public static List<StratificationFactor> factors(TrialDocument.Randomisation design) {
        if (design.method() == RandomisationMethod.MINIMISATION && design.minimisationFactors() != null
                && !design.minimisationFactors().isEmpty()) {
            return design.minimisationFactors();
        }
        return design.stratifyBy() == null ? List.of() : design.stratifyBy();
    }

    /** The participant's level of each factor, in the design's order; {@code all=all} when there are none. */
    public static List<String> levels(List<StratificationFactor> factors, List<Integer> ageBands, ParticipantProfile profile) {
        if (factors.isEmpty()) {
            return List.of(NO_STRATA);
        }
        List<String> levels = new ArrayList<>(factors.size());
        for (StratificationFactor factor : factors) {
            levels.add(factor.code() + "=" + level(factor, ageBands, profile));
        }
        return List.copyOf(levels);
    }

    public static String stratum(List<String> levels) {
        return String.join("|", levels);
    }

    static String level(StratificationFactor factor, List<Integer> ageBands, ParticipantProfile profile) {
        return switch (factor) {
            case JOBCENTRE -> profile.jobcentre();
            case AGE_BAND -> ageBand(profile.age(), ageBands);
            case BENEFIT_TYPE -> profile.benefitType() == null ? "unknown" : profile.benefitType().name();
            case GENDER -> profile.gender();
            case UNEMPLOYMENT_DURATION -> unemploymentDuration(profile.weeksUnemployed());
        };
    }

    static String ageBand(int age, List<Integer> lowerBounds) {
        List<Integer> bounds = lowerBounds == null ? List.of() : lowerBounds.stream().sorted().distinct().toList();
        if (bounds.isEmpty()) {
            return "any";
        }
        if (age < bounds.get(0)) {
            return "<" + bounds.get(0);
        }
        int i = bounds.size() - 1;
        while (bounds.get(i) > age) {
            i--;
        }
        return i == bounds.size() - 1 ? bounds.get(i) + "+" : bounds.get(i) + "-" + (bounds.get(i + 1) - 1);
    }

    static String unemploymentDuration(Integer weeks) {
        if (weeks == null) {
            return "unknown";
        }
        if (weeks <= 12) {
            return "0-12";
        }
        if (weeks <= 26) {
            return "13-26";
        }
        return weeks <= 52 ? "27-52" : "53+";
    }
}
