package dk.trials.trial.rest;

import dk.trials.platform.problem.FieldError;
import dk.trials.platform.problem.Problem;
import dk.trials.platform.problem.ProblemException;
import dk.trials.platform.security.Roles;
import dk.trials.trial.Design;
import dk.trials.trial.service.MonitoringPlanRules;
import dk.trials.trial.service.power.PowerAssumptionRules;
import dk.trials.trial.service.power.SampleSizeCalculator;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.List;

@Path("/api/v1/sample-size")
@Tag(name = "Planning", description = "Power and sample size for a trial's primary outcome")
@Produces(MediaType.APPLICATION_JSON)
public class SampleSizeResource {

    private final SampleSizeCalculator calculator;

    public SampleSizeResource(SampleSizeCalculator calculator) {
        this.calculator = calculator;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TRIAL_DESIGNER, Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "planSampleSize", summary = "Participants and events a trial needs",
            description = "For a control arm's cumulative job exit at the horizon (baselineIncidence), a minimum detectable "
                    + "difference, two-sided alpha and power, under a monitoring plan (the default plan when absent: looks at "
                    + "0.5, 0.75 and 1 of the information, asOF). With J arms besides the control, each is compared with the "
                    + "control at alpha / J (Bonferroni for the size; monitoring's Dunnett-type boundaries keep at least the "
                    + "power asked for) and needs the single-analysis size times the plan's inflation factor (rpact "
                    + "getDesignCharacteristics; with beta-spending futility the power its stops cost is bought back): "
                    + "participants comparing two proportions with the allocation weights, as rpact getSampleSizeRates with "
                    + "the plan's design (normal approximation), and events for the hazard ratio, as rpact "
                    + "getSampleSizeSurvival (Schoenfeld). A single look at 1 is the fixed design (power.prop.test for 1 : 1). "
                    + "Without a hazardRatio it is derived under proportional hazards, HR = ln(1 − p1) / ln(1 − p0). Every "
                    + "arm gets the most demanding comparison's participants per unit of allocation weight times its "
                    + "weight, rounded up. Nothing is stored.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = SampleSizeRequest.class),
            examples = {@ExampleObject(name = "one-to-one", value = TrialExamples.SAMPLE_SIZE_REQUEST),
                    @ExampleObject(name = "two-to-one", value = TrialExamples.SAMPLE_SIZE_REQUEST_WEIGHTED),
                    @ExampleObject(name = "pocock-with-futility", value = TrialExamples.SAMPLE_SIZE_REQUEST_PLANNED)}))
    @APIResponse(responseCode = "200", description = "What the trial needs",
            content = @Content(schema = @Schema(implementation = SampleSizeResponse.class),
                    examples = @ExampleObject(name = "one-to-one", value = TrialExamples.SAMPLE_SIZE)))
    @APIResponse(responseCode = "422", description = "Arms without exactly one control, assumptions that cannot be powered, "
            + "or a monitoring plan that breaks a rule",
            content = @Content(schema = @Schema(implementation = Problem.class)))
    public SampleSizeResponse plan(@NotNull @Valid SampleSizeRequest request) {
        List<Design.Arm> arms = request.plannedArms();
        Design.PowerAssumptions assumptions = request.assumptions().toAssumptions();
        Design.MonitoringPlan plan = request.plannedMonitoring();
        List<FieldError> errors = new ArrayList<>(PowerAssumptionRules.armViolations(arms));
        if (errors.isEmpty()) {
            errors.addAll(PowerAssumptionRules.violations(assumptions, arms, "assumptions"));
        }
        errors.addAll(MonitoringPlanRules.violations(plan, assumptions, "monitoringPlan"));
        if (!errors.isEmpty()) {
            throw ProblemException.brokenRules("Cannot compute a sample size", "request", errors);
        }
        return SampleSizeResponse.of(calculator.plan(assumptions, arms, plan));
    }
}
