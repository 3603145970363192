package dk.trials.platform.outbox;

/**
 * What became of one outbox row in one round: acknowledged by the broker, refused ({@code failure} says why), or not
 * sent at all (held back behind an earlier refusal of its key, or left because the broker is away).
 */
record Delivery(PendingEvent event, Outcome outcome, Throwable failure) {

    enum Outcome {
        ACKNOWLEDGED, REFUSED, NOT_SENT
    }

    static Delivery acknowledged(PendingEvent event) {
        return new Delivery(event, Outcome.ACKNOWLEDGED, null);
    }

    static Delivery refused(PendingEvent event, Throwable failure) {
        return new Delivery(event, Outcome.REFUSED, failure);
    }

    static Delivery notSent(PendingEvent event) {
        return new Delivery(event, Outcome.NOT_SENT, null);
    }
}
