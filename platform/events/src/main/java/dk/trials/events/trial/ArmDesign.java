package dk.trials.events.trial;


/** One arm of a trial: its code (used in allocations), a name, its allocation weight and whether it is the control. */
public record ArmDesign(
        String code,
        String name,
        int allocationWeight,
        boolean control) {
}
