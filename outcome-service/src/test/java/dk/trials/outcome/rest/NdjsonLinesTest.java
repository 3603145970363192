package dk.trials.outcome.rest;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The lines of an NDJSON body: numbered from 1, any line break, and a line over the limit answered by its number. */
class NdjsonLinesTest {

    @Test
    void linesAreNumberedFromOneWhateverTheirBreakAndTheLastNeedsNone() throws IOException {
        assertEquals(List.of(new NdjsonLines.Line(1, "a"), new NdjsonLines.Line(2, "bé"), new NdjsonLines.Line(3, ""),
                        new NdjsonLines.Line(4, "c")),
                all("a\r\nbé\n\nc", 8));
        assertEquals(List.of(), all("", 8));
        assertEquals(List.of(new NdjsonLines.Line(1, "")), all("\n", 8));
    }

    @Test
    void aLineOfTheLimitIsReadAndOneByteMoreIsTooLongWithoutLosingTheLinesAfterIt() throws IOException {
        assertEquals(List.of(new NdjsonLines.Line(1, "12345678"), new NdjsonLines.Line(2, null),
                        new NdjsonLines.Line(3, "12345678"), new NdjsonLines.Line(4, null), new NdjsonLines.Line(5, "ok")),
                all("12345678\n123456789\n12345678\r\n" + "x".repeat(100_000) + "\r\nok\n", 8));
    }

    @Test
    void theLimitCountsBytesNotCharacters() throws IOException {
        assertEquals(List.of(new NdjsonLines.Line(1, "éééé"), new NdjsonLines.Line(2, null)), all("éééé\nééééé", 8));
    }

    @Test
    void aBodyReadInSmallPiecesGivesTheSameLines() throws IOException {
        byte[] body = "first\nsecond line\r\nthird".getBytes(StandardCharsets.UTF_8);
        InputStream trickle = new ByteArrayInputStream(body) {
            @Override
            public int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 3));
            }
        };
        List<NdjsonLines.Line> lines = new ArrayList<>();
        NdjsonLines in = new NdjsonLines(trickle, 1024);
        for (NdjsonLines.Line line; (line = in.next()) != null; ) {
            lines.add(line);
        }
        assertEquals(List.of(new NdjsonLines.Line(1, "first"), new NdjsonLines.Line(2, "second line"),
                new NdjsonLines.Line(3, "third")), lines);
    }

    private static List<NdjsonLines.Line> all(String body, int maxBytes) throws IOException {
        NdjsonLines in = new NdjsonLines(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), maxBytes);
        List<NdjsonLines.Line> lines = new ArrayList<>();
        for (NdjsonLines.Line line; (line = in.next()) != null; ) {
            lines.add(line);
        }
        return lines;
    }
}
