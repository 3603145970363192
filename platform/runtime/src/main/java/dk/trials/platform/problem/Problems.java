package dk.trials.platform.problem;

import jakarta.ws.rs.core.Response;

import java.util.List;

/** Builds problem responses; the one place that knows the media type and the type URIs. */
public final class Problems {

    private Problems() {
    }

    /** "1 rule", "2 rules": the count in a problem's detail. */
    public static String count(int n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }

    public static String type(String slug) {
        return "urn:trials:problem:" + slug;
    }

    public static Response response(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    public static Response response(int status, String slug, String title, String detail, List<FieldError> errors) {
        return response(new Problem(type(slug), title, status, detail, errors));
    }
}
