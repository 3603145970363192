package dk.trials.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Hostile variations of one documented request, drawn from a seeded {@link Random}: wrong types, removed fields,
 * extreme numbers and dates, control characters, CPR-like text, huge strings and arrays, malformed JSON, and the
 * same for path, query and header parameters. Each comes with a one-line description of what was changed.
 */
final class OpenApiMutations {

    record Mutation(String description, ApiRequest request) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Stands for a raw JSON text in a serialised body, replaced after serialisation (e.g. by 1e400). */
    private static final String RAW = "@@fuzz-raw@@";

    private static final List<String> NUMBERS = List.of("2147483648", "2147483647", "-2147483649", "-2147483648", "-1",
            "0", "1e400", "-1e400", "1e-400", "1.5", "9223372036854775808", "-0", "1E+9", "1073741824", "2000000000");
    private static final List<String> DATES = List.of("0000-01-01", "-5000-01-01", "9999-12-31", "+10000-01-01",
            "-999999999-01-01", "+999999999-12-31", "2027-02-30", "1899-12-31", "2101-01-01", "2027-1-1", "");
    private static final List<String> CONTROL_ESCAPES = List.of("\\u0000", "\\u0001", "\\b", "\\u001b", "\\u007f",
            "\\u0085", "\\u2028", "\\ud800", "\\n", "\\r\\n");
    private static final List<String> CPR_LIKE = List.of("0101991234", "010199-1234", "010199 1234", "010199.1234",
            "x3112854321y");
    private static final List<String> ODD_STRINGS = List.of("", " ", "null", "DROP TABLE outbox_event;--", "<script>",
            "%s%n%x", "${jndi:ldap://x}", "../../etc/passwd", "æøå ÆØÅ", "\uD83D\uDE00", "RCT ", "rct");
    private static final List<Integer> HUGE_STRINGS = List.of(501, 10_001, 1_100_000);
    private static final List<Integer> HUGE_ARRAYS = List.of(1_001, 10_001, 50_001);
    private static final List<String> PARAMETERS = List.of("abc", "-1", "0", "2147483648", "2147483647",
            "99999999999999999999", "1e400", "\u0000", "\u001b", " ", "null", "0101991234", "010199-1234",
            "00000000-0000-0000-0000-000000000000", "..", "%", "0000-01-01", "-5000-01-01", "9999-12-31",
            "2027-13-01", "x".repeat(600), "x".repeat(3_000), "{id}", "a/b");

    private final Random random;

    OpenApiMutations(Random random) {
        this.random = random;
    }

    /** One mutation of {@code request}, an example of {@code operation}. */
    Mutation of(ApiOperation operation, ApiRequest request) {
        boolean hasBody = request.body() != null;
        boolean hasParameters = operation.node().path("parameters").size() > 0;
        int dice = random.nextInt(100);
        if (hasBody && ApiRequest.isJson(request.contentType())) {
            if (dice < 65) {
                return jsonField(request);
            }
            if (dice < 80 || !hasParameters) {
                return wholeBody(request);
            }
            return parameter(operation, request);
        }
        if (hasBody) {
            return dice < 70 || !hasParameters ? lines(request) : parameter(operation, request);
        }
        if (!hasParameters) {
            return wholeBody(request.withBody("application/json", "{}"));
        }
        return parameter(operation, request);
    }

    private Mutation jsonField(ApiRequest request) {
        JsonNode root = parse(request.bodyText());
        List<String> pointers = new ArrayList<>();
        collect(root, "", pointers);
        if (pointers.isEmpty()) {
            return wholeBody(request);
        }
        String pointer = pick(pointers);
        JsonNode target = root.at(pointer);
        JsonNode copy = root.deepCopy();
        String raw;
        String description;
        switch (random.nextInt(11)) {
            case 0 -> {
                remove(copy, pointer);
                return body(request, "removed " + pointer, write(copy, null));
            }
            case 1 -> {
                raw = "null";
                description = pointer + " = null";
            }
            case 2 -> {
                raw = wrongType(target);
                description = pointer + " of the wrong type: " + raw;
            }
            case 3 -> {
                raw = pick(NUMBERS);
                description = pointer + " = " + raw;
            }
            case 4 -> {
                raw = quoted(pick(DATES));
                description = pointer + " = " + raw;
            }
            case 5 -> {
                String control = pick(CONTROL_ESCAPES);
                raw = "\"" + (target.isTextual() ? escape(target.asText()) : "x") + control + "\"";
                description = pointer + " with control character " + control;
            }
            case 6 -> {
                int length = pick(HUGE_STRINGS);
                raw = quoted("a".repeat(length));
                description = pointer + " = a string of " + length + " characters";
            }
            case 7 -> {
                int size = pick(HUGE_ARRAYS);
                JsonNode item = target.isArray() && !target.isEmpty() ? target.get(0) : target;
                raw = repeated(item, size);
                description = pointer + " = an array of " + size + " items";
            }
            case 8 -> {
                String cpr = pick(CPR_LIKE);
                raw = quoted(target.isTextual() && random.nextBoolean() ? target.asText() + " " + cpr : cpr);
                description = pointer + " holding the CPR-like " + cpr;
            }
            case 9 -> {
                raw = quoted(pick(ODD_STRINGS));
                description = pointer + " = " + raw;
            }
            default -> {
                raw = "{\"unknown\": [1, {\"deeper\": \"x\"}]}";
                description = pointer + " replaced by an object with unknown fields";
            }
        }
        replace(copy, pointer, TextNode.valueOf(RAW));
        return body(request, description, write(copy, raw));
    }

    private Mutation wholeBody(ApiRequest request) {
        String text = request.bodyText();
        return switch (random.nextInt(20)) {
            case 0 -> body(request, "an empty body", "");
            case 1 -> body(request, "the body {", "{");
            case 2 -> body(request, "the body null", "null");
            case 3 -> body(request, "the body []", "[]");
            case 4 -> body(request, "the body \"x\"", "\"x\"");
            case 5 -> body(request, "the body {\"a\":}", "{\"a\":}");
            case 6 -> {
                int cut = text.isEmpty() ? 0 : random.nextInt(text.length());
                yield body(request, "the body cut after " + cut + " characters", text.substring(0, cut));
            }
            case 7 -> body(request, "trailing garbage }{", text + "}{");
            case 8 -> body(request, "single-quoted JSON", text.replace('"', '\''));
            case 9 -> body(request, "a byte-order mark first", "\uFEFF" + text);
            case 10 -> new Mutation("bytes that are not UTF-8", request.withBody(request.contentType(),
                    concat(new byte[]{(byte) 0xC3, (byte) 0x28, (byte) 0xFF}, text.getBytes(StandardCharsets.UTF_8))));
            case 11 -> body(request, "arrays nested 100,000 deep", "[".repeat(100_000) + "]".repeat(100_000));
            case 12 -> body(request, "objects nested 5,000 deep", "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000));
            case 13 -> body(request, "the literal NaN", text.isEmpty() ? "NaN" : text.replaceFirst(":\\s*[-0-9.]+", ": NaN"));
            case 14 -> body(request, "a comment first", "/* x */" + text);
            case 15 -> new Mutation("content type text/plain", request.withBody("text/plain", text));
            case 16 -> new Mutation("content type application/xml", request.withBody("application/xml", "<a>1</a>"));
            case 17 -> new Mutation("no content type", request.withBody(null, request.body()));
            case 18 -> body(request, "every field twice", duplicateKeys(text));
            default -> body(request, "a body of 2 MiB of spaces", text + " ".repeat(2 * 1024 * 1024));
        };
    }

    /** A text body of JSON lines (NDJSON): one line mutated as a JSON body would be, or the lines themselves. */
    private Mutation lines(ApiRequest request) {
        String[] lines = request.bodyText().split("\n");
        int at = random.nextInt(lines.length);
        int dice = random.nextInt(10);
        if (dice < 6) {
            ApiRequest one = request.withBody("application/json", lines[at]);
            Mutation line = random.nextBoolean() ? jsonField(one) : wholeBody(one);
            lines[at] = line.request().bodyText().replace("\n", " ");
            return new Mutation("line " + (at + 1) + ": " + line.description(),
                    request.withBody(request.contentType(), String.join("\n", lines) + "\n"));
        }
        return switch (dice) {
            case 6 -> body(request, "a line of 20,000 characters",
                    request.bodyText() + "{\"cpr\": \"" + "9".repeat(20_000) + "\"}\n");
            case 7 -> body(request, "10,000 empty lines", "\n".repeat(10_000) + request.bodyText());
            case 8 -> body(request, "no newline at the end", request.bodyText().stripTrailing());
            default -> body(request, "5,001 copies of a line", (lines[at] + "\n").repeat(5_001));
        };
    }

    private Mutation parameter(ApiOperation operation, ApiRequest request) {
        List<JsonNode> parameters = new ArrayList<>();
        operation.node().path("parameters").forEach(parameters::add);
        JsonNode parameter = pick(parameters);
        String name = parameter.path("name").asText();
        String in = parameter.path("in").asText();
        String value = pick(PARAMETERS);
        String shown = value.length() > 40 ? value.length() + " × '" + value.charAt(0) + "'" : value;
        return switch (in) {
            case "path" -> new Mutation("path {" + name + "} = " + shown, request.withPathValue(name, value));
            case "query" -> random.nextInt(5) == 0
                    ? new Mutation("query " + name + " removed", request.withQuery(name, null))
                    : new Mutation("query " + name + " = " + shown, request.withQuery(name, value));
            default -> {
                // An HTTP header cannot carry a NUL or newline (the client would refuse to send it): a long one instead,
                // within the server's 8 KiB for all headers (beyond it the HTTP layer answers before the application).
                String header = value.chars().anyMatch(c -> c < 0x20) ? "x".repeat(3_000) : value;
                yield new Mutation("header " + name + " = " + (header.length() > 40 ? header.length() + " characters" : header),
                        request.withHeader(name, header));
            }
        };
    }

    private static Mutation body(ApiRequest request, String description, String text) {
        return new Mutation(description, request.withBody(request.contentType(), text));
    }

    private String wrongType(JsonNode target) {
        if (target.isTextual()) {
            return pick(List.of("12345", "true", "{}", "[]", "[\"" + escape(target.asText()) + "\"]"));
        }
        if (target.isNumber()) {
            return pick(List.of("\"" + target.asText() + "\"", "\"abc\"", "true", "[]", "{}"));
        }
        if (target.isBoolean()) {
            return pick(List.of("\"yes\"", "1", "\"true\"", "[]"));
        }
        if (target.isArray()) {
            return pick(List.of("\"x\"", "{}", "1", "[[]]", "[null]"));
        }
        return pick(List.of("[]", "\"x\"", "1", "false"));
    }

    private static void collect(JsonNode node, String at, List<String> pointers) {
        if (!at.isEmpty()) {
            pointers.add(at);
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> collect(field.getValue(), at + "/" + field.getKey(), pointers));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), at + "/" + i, pointers);
            }
        }
    }

    private static void remove(JsonNode root, String pointer) {
        JsonNode parent = root.at(pointer.substring(0, pointer.lastIndexOf('/')));
        String last = pointer.substring(pointer.lastIndexOf('/') + 1);
        if (parent instanceof ObjectNode object) {
            object.remove(last);
        } else if (parent instanceof ArrayNode array) {
            array.remove(Integer.parseInt(last));
        }
    }

    private static void replace(JsonNode root, String pointer, JsonNode value) {
        JsonNode parent = root.at(pointer.substring(0, pointer.lastIndexOf('/')));
        String last = pointer.substring(pointer.lastIndexOf('/') + 1);
        if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), value);
        }
    }

    private static String repeated(JsonNode item, int size) {
        String one = item.toString();
        StringBuilder array = new StringBuilder(size * (one.length() + 1) + 2).append('[');
        for (int i = 0; i < size; i++) {
            array.append(i == 0 ? "" : ",").append(one);
        }
        return array.append(']').toString();
    }

    private static String duplicateKeys(String text) {
        JsonNode root = parse(text);
        if (!(root instanceof ObjectNode object) || object.isEmpty()) {
            return "{\"a\": 1, \"a\": 2}";
        }
        StringBuilder twice = new StringBuilder("{");
        object.fields().forEachRemaining(field -> {
            String pair = quoted(field.getKey()) + ":" + field.getValue();
            twice.append(twice.length() == 1 ? "" : ",").append(pair).append(",").append(pair);
        });
        return twice.append('}').toString();
    }

    private static String write(JsonNode root, String raw) {
        try {
            String text = JSON.writeValueAsString(root);
            return raw == null ? text : text.replace(quoted(RAW), raw);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            return node == null ? JSON.createObjectNode() : node;
        } catch (JsonProcessingException e) {
            return JSON.createObjectNode();
        }
    }

    private static String quoted(String text) {
        return "\"" + escape(text) + "\"";
    }

    private static String escape(String text) {
        return TextNode.valueOf(text).toString().replaceAll("^\"|\"$", "");
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
