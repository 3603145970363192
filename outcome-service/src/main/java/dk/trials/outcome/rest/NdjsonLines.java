package dk.trials.outcome.rest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lines of an NDJSON body, numbered from 1, each read into memory only up to {@code maxBytes} (the line break
 * and a carriage return before it aside): a longer line is skipped to its end and answered as too long by its number,
 * so one overlong line neither takes the heap nor fails the file.
 */
final class NdjsonLines {

    /** One line: its text, or null when it was longer than the limit. */
    record Line(long number, String text) {
        boolean tooLong() {
            return text == null;
        }
    }

    private final InputStream in;
    private final int maxBytes;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int filled;
    private byte[] line = new byte[1024];
    private long number;

    NdjsonLines(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** The next line, or null at the end of the body. */
    Line next() throws IOException {
        int size = 0;
        boolean any = false;
        boolean tooLong = false;
        while (true) {
            if (position == filled) {
                filled = Math.max(0, in.read(buffer));
                position = 0;
                if (filled == 0) {
                    if (!any) {
                        return null;
                    }
                    break;
                }
            }
            byte b = buffer[position++];
            any = true;
            if (b == '\n') {
                break;
            }
            if (tooLong) {
                continue;
            }
            // One byte beyond the limit is kept for a carriage return that may end the line.
            if (size == maxBytes + 1) {
                tooLong = true;
                continue;
            }
            if (size == line.length) {
                line = Arrays.copyOf(line, Math.min(line.length * 2, maxBytes + 1));
            }
            line[size++] = b;
        }
        number++;
        if (size > 0 && line[size - 1] == '\r') {
            size--;
        }
        if (tooLong || size > maxBytes) {
            return new Line(number, null);
        }
        return new Line(number, new String(line, 0, size, StandardCharsets.UTF_8));
    }
}
