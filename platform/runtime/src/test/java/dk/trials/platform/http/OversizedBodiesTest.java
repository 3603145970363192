package dk.trials.platform.http;

import dk.trials.testing.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A body announced larger than the server takes at all is refused before it is sent, as a problem like any other. */
@QuarkusTest
class OversizedBodiesTest {

    @TestHTTPResource("/")
    URL server;

    @Test
    void a_content_length_over_the_server_limit_is_413_problem_json_before_any_byte_of_the_body() throws Exception {
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            OutputStream out = socket.getOutputStream();
            // Only the head: the server must answer without waiting for 9 MiB that never come.
            out.write(("POST /api/v1/probe/samples HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: " + TestTokens.bearer(TestTokens.admin()) + "\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + 9 * 1024 * 1024 + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.setSoTimeout(10_000);

            String response = read(socket.getInputStream());

            assertTrue(response.startsWith("HTTP/1.1 413"), response);
            assertTrue(response.toLowerCase().contains("content-type: application/problem+json"), response);
            assertTrue(response.contains("\"status\":413"), response);
        }
    }

    private static String read(InputStream in) throws Exception {
        byte[] buffer = new byte[8192];
        StringBuilder text = new StringBuilder();
        int n;
        while (!text.toString().contains("}") && (n = in.read(buffer)) > 0) {
            text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
        }
        return text.toString();
    }
}
