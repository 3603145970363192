package dk.trials.platform.security;

import dk.trials.platform.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;

/** Who is calling, read from the bearer token: name, roles and, for a jobcentre, its municipality code. */
@RequestScoped
public class Caller {

    /** Claim holding the municipality code a jobcentre token may act for. */
    public static final String JOBCENTRE_CLAIM = "jobcentre";

    private final JsonWebToken token;

    public Caller(JsonWebToken token) {
        this.token = token;
    }

    public String name() {
        return token.getName() != null ? token.getName() : token.getSubject();
    }

    public boolean hasRole(String role) {
        return token.getGroups().contains(role);
    }

    public Optional<String> jobcentre() {
        return Optional.ofNullable(token.<Object>getClaim(JOBCENTRE_CLAIM)).map(Object::toString).map(c -> c.replace("\"", ""));
    }

    /**
     * An admin may act for any jobcentre; a jobcentre token only for the municipality in its claim.
     * Anyone else is refused.
     */
    public void requireActingFor(String jobcentre) {
        if (hasRole(Roles.ADMIN)) {
            return;
        }
        if (!hasRole(Roles.JOBCENTRE) || jobcentre().filter(jobcentre::equals).isEmpty()) {
            // The jobcentre is the caller's input, and the problem never repeats input.
            throw ProblemException.forbidden("This token may not act for the jobcentre in the request");
        }
    }
}
