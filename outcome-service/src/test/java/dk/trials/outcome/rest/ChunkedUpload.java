package dk.trials.outcome.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A bulk file sent over a plain socket in chunks the test writes when it chooses, so that the service is seen
 * mid-file: an HTTP client library may hold a streamed body back until its buffer fills.
 */
final class ChunkedUpload implements AutoCloseable {

    record Answer(int status, String body) {
    }

    private final Socket socket;
    private final OutputStream out;

    ChunkedUpload(URI base, String path, String token, String uploadId) throws IOException {
        socket = new Socket(base.getHost(), base.getPort());
        out = socket.getOutputStream();
        out.write(("POST " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort() + "\r\n"
                + "Authorization: Bearer " + token + "\r\nContent-Type: application/x-ndjson\r\n"
                + "Upload-Id: " + uploadId + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Sends these bytes of the file now. */
    void send(byte[] bytes) throws IOException {
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Ends the file and reads the service's answer. */
    Answer finish() throws IOException {
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        int headersEnd = response.indexOf("\r\n\r\n");
        String head = response.substring(0, headersEnd);
        String body = response.substring(headersEnd + 4);
        int status = Integer.parseInt(head.substring(head.indexOf(' ') + 1, head.indexOf(' ') + 4));
        return new Answer(status, head.toLowerCase().contains("transfer-encoding: chunked") ? unchunked(body) : body);
    }

    private static String unchunked(String body) {
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        int at = 0;
        while (true) {
            int lineEnd = body.indexOf("\r\n", at);
            int size = Integer.parseInt(body.substring(at, lineEnd).trim(), 16);
            if (size == 0) {
                return joined.toString(StandardCharsets.UTF_8);
            }
            joined.write(bytes, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
