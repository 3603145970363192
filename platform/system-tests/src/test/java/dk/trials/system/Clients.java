package dk.trials.system;

import dk.trials.clients.enrolment.api.EnrolmentsApi;
import dk.trials.clients.enrolment.api.RecruitmentApi;
import dk.trials.clients.outcome.api.EstimatesApi;
import dk.trials.clients.outcome.api.OutcomesApi;
import dk.trials.clients.trial.api.TrialsApi;

import java.net.http.HttpRequest;
import java.util.function.Consumer;

/**
 * The generated Java clients (platform/api-clients) of the running services, each holding one caller's bearer token,
 * as a case system or a ministry dashboard would hold them.
 */
final class Clients {

    private Clients() {
    }

    static TrialsApi trials(ServiceProcess service, String token) {
        return new TrialsApi(trialClient(service, token));
    }

    static dk.trials.clients.trial.ApiClient trialClient(ServiceProcess service, String token) {
        return new dk.trials.clients.trial.ApiClient().setScheme("http").setHost("127.0.0.1").setPort(service.port())
                .setRequestInterceptor(bearer(token));
    }

    static EnrolmentsApi enrolments(ServiceProcess service, String token) {
        return new EnrolmentsApi(enrolmentClient(service, token));
    }

    static RecruitmentApi recruitment(ServiceProcess service, String token) {
        return new RecruitmentApi(enrolmentClient(service, token));
    }

    static OutcomesApi outcomes(ServiceProcess service, String token) {
        return new OutcomesApi(outcomeClient(service, token));
    }

    static EstimatesApi estimates(ServiceProcess service, String token) {
        return new EstimatesApi(outcomeClient(service, token));
    }

    static dk.trials.clients.outcome.api.TrialsApi dashboardTrials(ServiceProcess service, String token) {
        return new dk.trials.clients.outcome.api.TrialsApi(outcomeClient(service, token));
    }

    private static dk.trials.clients.enrolment.ApiClient enrolmentClient(ServiceProcess service, String token) {
        return new dk.trials.clients.enrolment.ApiClient().setScheme("http").setHost("127.0.0.1").setPort(service.port())
                .setRequestInterceptor(bearer(token));
    }

    private static dk.trials.clients.outcome.ApiClient outcomeClient(ServiceProcess service, String token) {
        return new dk.trials.clients.outcome.ApiClient().setScheme("http").setHost("127.0.0.1").setPort(service.port())
                .setRequestInterceptor(bearer(token));
    }

    /** No token at all where {@code token} is null: how the walkthrough shows a 401. */
    private static Consumer<HttpRequest.Builder> bearer(String token) {
        return request -> {
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
        };
    }
}
