package dk.trials.trial.service;

import jakarta.enterprise.context.ApplicationScoped;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The 98 Danish municipalities, each running one jobcentre, read from the public list of kommunekoder shipped as
 * {@code reference/municipalities.csv}. A trial may only name jobcentres from this list.
 */
@ApplicationScoped
public class Municipalities {

    private static final String RESOURCE = "reference/municipalities.csv";

    /**
     * What an unknown code is told. It never repeats the code: whatever was typed into the field (a CPR number, a
     * name) would otherwise be echoed back and logged with the answer.
     */
    public static final String UNKNOWN = "is not a municipality code; see GET /api/v1/jobcentres";

    private final Map<String, Municipality> byCode;

    public Municipalities() {
        this.byCode = Collections.unmodifiableMap(load());
    }

    public Collection<Municipality> all() {
        return byCode.values();
    }

    public Optional<Municipality> find(String code) {
        return Optional.ofNullable(code).map(byCode::get);
    }

    public boolean known(String code) {
        return code != null && byCode.containsKey(code);
    }

    /** Code → name for the given codes, in their order; codes not on the list are left out. */
    public Map<String, String> names(Collection<String> codes) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String code : codes) {
            find(code).ifPresent(m -> names.put(code, m.name()));
        }
        return names;
    }

    private static Map<String, Municipality> load() {
        InputStream in = Municipalities.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException(RESOURCE + " is missing from the build");
        }
        Map<String, Municipality> municipalities = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            boolean header = true;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] cells = line.split(";", -1);
                if (cells.length != 3 || municipalities.containsKey(cells[0])) {
                    throw new IllegalStateException(RESOURCE + " has a bad or repeated line: " + line);
                }
                municipalities.put(cells[0], new Municipality(cells[0], cells[1], cells[2]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return municipalities;
    }
}
