package dk.trials.outcome.rest;

import dk.trials.events.outcome.OutcomeType;
import dk.trials.outcome.service.ParticipantPseudonyms;
import dk.trials.platform.cpr.CprKeys;
import dk.trials.platform.cpr.CprNumber;
import dk.trials.platform.cpr.CprPseudonymiser;
import dk.trials.platform.problem.FieldError;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One outcome request: what cannot be read (400) and what is readable but breaks a rule (422). */
class OutcomeRequestReaderTest {

    private static final UUID TRIAL = UUID.fromString("6f1c2a9e-4b7d-4c1e-9a53-0d1e2f3a4b5c");
    private static final String ENROLMENT = "0b8e0c57-2f0e-4f43-a7c1-3e9b6f9d2a10";
    private static final CprPseudonymiser PSEUDONYMISER = new CprPseudonymiser(new CprKeys(
            "a base key of at least thirty-two bytes".getBytes(), Map.of("v1", "a trial key of at least thirty-two bytes".getBytes()), "v1"));
    /** One trial key: no participant is looked up, so no database is needed. */
    private final OutcomeRequestReader reader = new OutcomeRequestReader(new ParticipantPseudonyms(PSEUDONYMISER, null));

    @Test
    void aCompleteRequestIsReadWithTheCprNumberTurnedIntoItsPseudonym() {
        OutcomeRequestReader.Read read = reader.read(TRIAL,
                new OutcomeRequest("0101991234", null, "JOB_EXIT", "2027-03-01", "DREAM", "d-1"), "101");
        assertTrue(read.ok());
        assertEquals(OutcomeType.JOB_EXIT, read.outcome().type());
        assertEquals(LocalDate.of(2027, 3, 1), read.outcome().occurredOn());
        assertEquals(PSEUDONYMISER.pseudonym(TRIAL, CprNumber.parse("0101991234").orElseThrow()), read.outcome().pseudonym(),
                "the participant's per-trial pseudonym under the current key");
        assertNull(read.outcome().enrolmentId());
        assertEquals("101", read.outcome().reportedByJobcentre());
    }

    @Test
    void missingOrUnparsableFieldsMakeItUnreadable() {
        OutcomeRequestReader.Read read = reader.read(TRIAL,
                new OutcomeRequest(null, "not-a-uuid", "PROMOTED", "01-03-2027", " ", null), null);
        assertTrue(read.unreadable());
        assertEquals(List.of(new FieldError("enrolmentId", "must be a UUID"),
                new FieldError("type", "must be one of JOB_EXIT, EMIGRATED, DECEASED, LOST_TO_FOLLOW_UP"),
                new FieldError("occurredOn", "must be an ISO date such as 2027-06-30"),
                new FieldError("source", "must not be blank"),
                new FieldError("sourceId", "must not be blank")), read.errors());
        assertTrue(reader.read(TRIAL, new OutcomeRequest(null, null, "JOB_EXIT", "2027-03-01", "DREAM", "d-1"), null)
                .unreadable(), "neither cpr nor enrolmentId: the participant is missing");
    }

    @Test
    void aCprNumberWithoutARealBirthDateAnUnknownTypeOrABlankTextBreaksARule() {
        OutcomeRequestReader.Read read = reader.read(TRIAL,
                new OutcomeRequest("3213991234", null, "PROMOTED", "2027-03-01", " ", "d-1"), null);
        assertFalse(read.ok());
        assertFalse(read.unreadable(), "each value is there and of the right type");
        assertEquals(List.of("cpr", "type", "source"), read.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void bothCprAndEnrolmentIdOrATextOverTwoHundredCharactersIsReadableButBreaksARule() {
        OutcomeRequestReader.Read read = reader.read(TRIAL,
                new OutcomeRequest("0101991234", ENROLMENT, "JOB_EXIT", "2027-03-01", "DREAM", "x".repeat(201)), null);
        assertFalse(read.ok());
        assertFalse(read.unreadable());
        assertEquals(List.of(new FieldError("cpr", "give either cpr or enrolmentId, not both or neither"),
                new FieldError("sourceId", "must be at most 200 characters")), read.errors());
    }

    @Test
    void aDateOutsideTheCenturiesTakenOrACprNumberOrControlCharacterInATextBreaksARuleNamedWithoutTheValue() {
        OutcomeRequestReader.Read read = reader.read(TRIAL,
                new OutcomeRequest(null, ENROLMENT, "JOB_EXIT", "0000-01-01", "DREAM\u0007", "case 010199-1234"), null);
        assertFalse(read.unreadable());
        assertEquals(List.of(new FieldError("occurredOn", "must be a date from 1900-01-01 to 2100-12-31"),
                new FieldError("source", "must not contain control characters"),
                new FieldError("sourceId", "must not contain a CPR number")), read.errors());
        assertEquals(List.of(new FieldError("occurredOn", "must be a date from 1900-01-01 to 2100-12-31")),
                reader.read(TRIAL, new OutcomeRequest(null, ENROLMENT, "JOB_EXIT", "-5000-01-01", "DREAM", "d-1"), null)
                        .errors());
    }

    @Test
    void aRequestWithBothKindsOfErrorCannotBeRead() {
        OutcomeRequestReader.Read read = reader.read(TRIAL,
                new OutcomeRequest(null, ENROLMENT, "JOB_EXIT", null, "x".repeat(201), "d-1"), null);
        assertTrue(read.unreadable());
        assertEquals(List.of("occurredOn", "source"), read.errors().stream().map(FieldError::field).toList());
    }
}
