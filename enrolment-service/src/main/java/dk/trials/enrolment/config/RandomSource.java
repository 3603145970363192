package dk.trials.enrolment.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.security.SecureRandom;

/**
 * The one source of chance for allocations: the platform's default cryptographically strong generator (non-blocking,
 * seeded by the operating system), so that no allocation can be predicted from earlier ones.
 */
@ApplicationScoped
public class RandomSource {

    @Produces
    @Singleton
    SecureRandom allocationRandom() {
        return new SecureRandom();
    }
}
