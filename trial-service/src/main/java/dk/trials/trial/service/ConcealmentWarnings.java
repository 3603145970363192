package dk.trials.trial.service;

import dk.trials.events.trial.RandomisationMethod;
import dk.trials.events.trial.StratificationFactor;
import dk.trials.trial.Design;
import dk.trials.trial.DesignWarning;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a design lets the people who enrol foresee allocations. In a design stratified by jobcentre, a jobcentre sees
 * every allocation of its strata: with one block size it knows where each block ends, and the last allocations of
 * every block are forced; in a block of less than twice the total allocation weight most of them are. Two or more
 * block sizes, each at least twice the total weight, keep the next allocation uncertain. Warned, not refused: a designer may accept the risk where enrolment is blinded in another way.
 */
public final class ConcealmentWarnings {

    static final String BLOCK_SIZES = "randomisation.blockSizes";

    private ConcealmentWarnings() {
    }

    public static List<DesignWarning> of(Design design) {
        Design.Randomisation r = design.randomisation();
        if (r.method() != RandomisationMethod.PERMUTED_BLOCK || r.stratifyBy() == null
                || !r.stratifyBy().contains(StratificationFactor.JOBCENTRE) || r.blockSizes() == null
                || r.blockSizes().isEmpty()) {
            return List.of();
        }
        List<DesignWarning> warnings = new ArrayList<>();
        if (r.blockSizes().stream().distinct().count() < 2) {
            warnings.add(new DesignWarning(BLOCK_SIZES, "a design stratified by jobcentre with a single block size lets "
                    + "a jobcentre tell where each block ends and foresee its last allocations; give two or more sizes"));
        }
        int smallest = 2 * design.totalAllocationWeight();
        for (int i = 0; i < r.blockSizes().size(); i++) {
            Integer size = r.blockSizes().get(i);
            if (size != null && size < smallest) {
                warnings.add(new DesignWarning(BLOCK_SIZES + "[" + i + "]", "a block of " + size + " in a design stratified "
                        + "by jobcentre is smaller than twice the total allocation weight (" + smallest + "): a "
                        + "jobcentre can foresee most of each block from its first allocations"));
            }
        }
        return List.copyOf(warnings);
    }
}
