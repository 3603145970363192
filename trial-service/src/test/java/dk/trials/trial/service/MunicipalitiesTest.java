package dk.trials.trial.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The shipped reference list is Denmark's 98 municipalities since the 2007 reform, with their kommunekoder. */
class MunicipalitiesTest {

    private final Municipalities municipalities = new Municipalities();

    @Test
    void thereAreNinetyEightInFiveRegions() {
        assertEquals(98, municipalities.all().size());
        Map<String, Long> perRegion = municipalities.all().stream()
                .collect(Collectors.groupingBy(Municipality::region, Collectors.counting()));
        assertEquals(Map.of("Region Hovedstaden", 29L, "Region Sjælland", 17L, "Region Syddanmark", 22L,
                "Region Midtjylland", 19L, "Region Nordjylland", 11L), perRegion);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"101, København", "147, Frederiksberg", "751, Aarhus", "851, Aalborg", "461, Odense", "561, Esbjerg",
            "400, Bornholm", "492, Ærø", "173, Lyngby-Taarbæk", "825, Læsø", "860, Hjørring", "630, Vejle"})
    void wellKnownMunicipalitiesHaveTheirCodes(String code, String name) {
        assertEquals(name, municipalities.find(code).orElseThrow().name());
    }

    @Test
    void christiansoAndMadeUpCodesAreNoMunicipalities() {
        assertFalse(municipalities.known("411"), "Christiansø is administered by the state");
        assertFalse(municipalities.known("0101"));
        assertFalse(municipalities.known(null));
    }

    @Test
    void namesComeInTheOrderOfTheCodesAndUnknownCodesAreLeftOut() {
        assertEquals(List.of("751", "101"), List.copyOf(municipalities.names(List.of("751", "999", "101")).keySet()));
    }
}
