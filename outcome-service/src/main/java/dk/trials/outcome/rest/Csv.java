package dk.trials.outcome.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.StringJoiner;

/**
 * The CSV of the analysts' downloads (RFC 4180 quoting): a header row, comma-separated, LF line ends (R, Excel and
 * LibreOffice read them as they read CRLF), {@code .} as the decimal point whatever the locale (Java's own number and
 * ISO date formats), an empty field for a null. A row holds its values in the header's order.
 */
final class Csv {

    static final String MEDIA_TYPE = "text/csv";

    private final StringBuilder text = new StringBuilder();

    Csv(List<String> header) {
        row(header.toArray());
    }

    /** Appends one row; each value as its {@code toString()}, null as an empty field. */
    Csv row(Object... values) {
        StringJoiner line = new StringJoiner(",", "", "\n");
        for (Object value : values) {
            line.add(value == null ? "" : quoted(value.toString()));
        }
        text.append(line);
        return this;
    }

    @Override
    public String toString() {
        return text.toString();
    }

    /** A value with a comma, quote or line break is quoted, its quotes doubled. */
    static String quoted(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }

    /**
     * CSV when the caller's most preferred acceptable type is text/csv or text/* (the only text type these answers
     * have); *&#47;* and application/json get JSON.
     */
    static boolean wanted(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isWildcardType() || type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (type.getType().equals("text") && (type.isWildcardSubtype() || type.getSubtype().equals("csv"))) {
                return true;
            }
        }
        return false;
    }
}
