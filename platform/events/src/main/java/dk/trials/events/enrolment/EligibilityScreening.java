package dk.trials.events.enrolment;

import java.util.Map;

/**
 * The citizens enrolment-service assessed for a trial and found not eligible, as the top of a CONSORT flow counts
 * them: {@code excluded} citizens (each once, however often a jobcentre asked; a citizen enrolled later is not among
 * them), and of those, by criterion failed ({@code ENROLMENT_PERIOD}, {@code BENEFIT_TYPE},
 * {@code UNEMPLOYMENT_DURATION}, {@code AGE}, as of their latest refusal). A citizen failing several criteria is
 * counted under each, so the reasons may add up to more than {@code excluded}. Counts only: no citizen is named.
 */
public record EligibilityScreening(long excluded, Map<String, Long> excludedByReason) {

    public EligibilityScreening {
        excludedByReason = excludedByReason == null ? Map.of() : Map.copyOf(excludedByReason);
    }
}
