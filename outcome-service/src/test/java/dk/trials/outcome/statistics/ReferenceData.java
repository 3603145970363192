package dk.trials.outcome.statistics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The data sets and figures that {@code src/test/r/survival.R} printed with R's survival package, read from
 * {@code src/test/resources/reference}. Times and statuses are derived here by the
 * contract's rule, independently of the service's aggregates.
 */
public final class ReferenceData {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReferenceData() {
    }

    public static JsonNode json(String name) {
        try (InputStream in = ReferenceData.class.getResourceAsStream("/reference/" + name)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public record Row(String arm, String jobcentre, LocalDate enrolledOn, LocalDate jobExitOn, LocalDate censoredOn) {
    }

    /** One participant's analysis time and status by the contract's rule. */
    record Follow(String arm, String jobcentre, int time, boolean event) {
    }

    public static List<Row> rows(String file) {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = ReferenceData.class.getResourceAsStream("/reference/" + file);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.readLine();
            for (String line; (line = reader.readLine()) != null; ) {
                String[] f = line.split(",", -1);
                rows.add(new Row(f[1], f[2], LocalDate.parse(f[3]), date(f[4]), date(f[5])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** Each row's censoringType column, in file order ("" where none). */
    public static List<String> censoringTypes(String file) {
        List<String> types = new ArrayList<>();
        try (InputStream in = ReferenceData.class.getResourceAsStream("/reference/" + file);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.readLine();
            for (String line; (line = reader.readLine()) != null; ) {
                types.add(line.split(",", -1)[6]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return types;
    }

    private static LocalDate date(String field) {
        return field.isEmpty() ? null : LocalDate.parse(field);
    }

    static Follow follow(Row row, LocalDate asOf, int horizonDays) {
        LocalDate end = min(asOf, row.enrolledOn().plusDays(horizonDays));
        LocalDate exit = row.jobExitOn() != null && !row.jobExitOn().isAfter(asOf) ? row.jobExitOn() : null;
        LocalDate censored = row.censoredOn() != null && !row.censoredOn().isAfter(asOf) ? row.censoredOn() : null;
        if (censored != null) {
            end = min(end, censored);
        }
        if (exit != null) {
            end = min(end, exit);
        }
        int time = (int) ChronoUnit.DAYS.between(row.enrolledOn(), end);
        return new Follow(row.arm(), row.jobcentre(), time, exit != null && exit.equals(end));
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    /** Follow-up tables of a data set: per arm, and per arm and jobcentre. */
    record Tables(Map<String, FollowUpTable> byArm, Map<String, Map<String, FollowUpTable>> byArmAndJobcentre) {
    }

    static Tables tables(JsonNode dataset) {
        LocalDate asOf = LocalDate.parse(dataset.path("asOf").asText());
        int horizon = dataset.path("horizonDays").asInt();
        Map<String, FollowUpTable.Builder> arms = new TreeMap<>();
        Map<String, Map<String, FollowUpTable.Builder>> strata = new TreeMap<>();
        for (Row row : rows(dataset.path("file").asText())) {
            Follow f = follow(row, asOf, horizon);
            FollowUpTable.Builder arm = arms.computeIfAbsent(f.arm(), a -> FollowUpTable.builder(horizon));
            FollowUpTable.Builder stratum = strata.computeIfAbsent(f.arm(), a -> new TreeMap<>())
                    .computeIfAbsent(f.jobcentre(), j -> FollowUpTable.builder(horizon));
            if (f.event()) {
                arm.event(f.time(), 1);
                stratum.event(f.time(), 1);
            } else {
                arm.censoring(f.time(), 1);
                stratum.censoring(f.time(), 1);
            }
        }
        Map<String, FollowUpTable> byArm = new TreeMap<>();
        arms.forEach((arm, builder) -> byArm.put(arm, builder.build()));
        Map<String, Map<String, FollowUpTable>> byStratum = new TreeMap<>();
        strata.forEach((arm, jobcentres) -> jobcentres.forEach((jobcentre, builder) ->
                byStratum.computeIfAbsent(arm, a -> new TreeMap<>()).put(jobcentre, builder.build())));
        return new Tables(byArm, byStratum);
    }
}
