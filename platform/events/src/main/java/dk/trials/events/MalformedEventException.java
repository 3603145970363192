package dk.trials.events;

/** A record on a topic that cannot be read as the event it claims to be; it goes to the dead-letter topic. */
public class MalformedEventException extends RuntimeException {
    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
