package dk.trials.events.trial;

import java.util.List;

/** Who may be enrolled; a null bound means no bound. */
public record EligibilityCriteria(List<String> benefitTypes, Integer minAge, Integer maxAge, Integer maxWeeksUnemployed) {
}
