package dk.trials.trial.rest;

import dk.trials.events.trial.TrialStatus;
import dk.trials.events.trial.TrialType;
import dk.trials.platform.problem.FieldErrors;
import dk.trials.platform.problem.Problems;
import dk.trials.trial.service.Municipalities;
import dk.trials.trial.service.TrialPage;
import dk.trials.trial.service.TrialQuery;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the listing's query parameters and writes the paging headers: {@code X-Total-Count} and one RFC 8288
 * {@code Link} header.
 * <p>
 * Parameters are read by the service's one rule, reporting every bad one at once (JAX-RS alone would answer 404 for
 * a parameter it cannot convert): a page or size that is no whole number cannot be read and answers 400; a status
 * or type outside its closed set (as an unknown enum value in a body), a readable page or size out of range, or an
 * unknown jobcentre (as in a design) breaks a rule and answers 422. Any unreadable one makes the answer 400.
 */
final class TrialListing {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 200;
    /**
     * The highest page number: any page times any size stays a row offset the database query can take (an int),
     * and ten million pages is more than there will ever be trials.
     */
    static final int LAST_PAGE = 10_000_000;
    static final String TOTAL_COUNT = "X-Total-Count";

    private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?[0-9]{1,1000}");

    private TrialListing() {
    }

    static TrialQuery query(String status, String type, String jobcentre, String page, String size,
                            Municipalities municipalities) {
        FieldErrors problems = new FieldErrors();
        TrialStatus statusFilter = status == null ? null : constant(TrialStatus.class, "status", status, problems);
        TrialType typeFilter = type == null ? null : constant(TrialType.class, "type", type, problems);
        if (jobcentre != null && !municipalities.known(jobcentre)) {
            problems.broken("jobcentre", Municipalities.UNKNOWN);
        }
        int pageNumber = number("page", page, 0, 0, LAST_PAGE, problems);
        int pageSize = number("size", size, DEFAULT_SIZE, 1, MAX_SIZE, problems);
        problems.throwIfAny("Invalid listing parameters",
                "The listing has " + Problems.count(problems.all().size(), "invalid parameter", "invalid parameters"));
        return new TrialQuery(statusFilter, typeFilter, jobcentre, pageNumber, pageSize);
    }

    static Response.ResponseBuilder withPaging(Response.ResponseBuilder response, TrialPage result, TrialQuery query,
                                               UriBuilder requestUri) {
        long lastPage = Math.max(0, (result.total() - 1) / query.size());
        List<Link> links = new ArrayList<>();
        links.add(link(requestUri, 0, query.size(), "first"));
        if (query.page() > 0) {
            links.add(link(requestUri, Math.min(query.page() - 1, lastPage), query.size(), "prev"));
        }
        if (query.page() < lastPage) {
            links.add(link(requestUri, query.page() + 1, query.size(), "next"));
        }
        links.add(link(requestUri, lastPage, query.size(), "last"));
        // One comma-separated Link header, as GitHub and most clients' parsers expect it.
        return response.header(TOTAL_COUNT, result.total())
                .header(HttpHeaders.LINK, links.stream().map(Link::toString).collect(Collectors.joining(", ")));
    }

    private static Link link(UriBuilder requestUri, long page, int size, String rel) {
        return Link.fromUriBuilder(requestUri.clone().replaceQueryParam("page", page).replaceQueryParam("size", size))
                .rel(rel).build();
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String field, String value, FieldErrors problems) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            problems.broken(field, Problems.oneOf(type));
            return null;
        }
    }

    private static int number(String field, String value, int absent, int min, int max, FieldErrors problems) {
        if (value == null) {
            return absent;
        }
        String rule = "must be a whole number from " + min + " to " + max;
        if (!WHOLE_NUMBER.matcher(value).matches()) {
            problems.unreadable(field, rule);
            return absent;
        }
        // However many digits it has, a whole number is readable; only its range is wrong.
        BigInteger number = new BigInteger(value);
        if (number.compareTo(BigInteger.valueOf(min)) >= 0 && number.compareTo(BigInteger.valueOf(max)) <= 0) {
            return number.intValueExact();
        }
        problems.broken(field, rule);
        return absent;
    }
}
