package dk.trials.events.trial;

/** Kinds of trial the agency runs; only an RCT allocates between several arms. */
public enum TrialType {
    RCT,
    KNOWLEDGE_PILOT,
    INSPIRATION_PROJECT,
    NATIONAL_CAMPAIGN;

    public boolean randomised() {
        return this == RCT;
    }
}
