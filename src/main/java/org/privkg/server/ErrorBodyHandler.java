package org.privkg.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ErrorHandler;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The one body every error of the server has, whoever raised it: privkg's servlets and filters (through
 * {@code sendError}), the Basic-auth check, and Jetty itself (an unknown path, a method a servlet lacks).
 * Plain text {@code 404 Not Found: what happened and what to do} by default; {@code {"status":404,
 * "message":"..."}} when the request's Accept prefers {@code application/json}. Statuses are left as they are.
 */
final class ErrorBodyHandler extends ErrorHandler {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> OFFERS = List.of(Http.TEXT, Http.JSON);

    /** Every method gets a body, PUT and DELETE included (Jetty's default gives bodies to GET and POST only). */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) {
        boolean json = Http.JSON.equals(Http.negotiate(request.getHeaders().get(HttpHeader.ACCEPT), OFFERS));
        String body = json ? json(code, message) : text(code, message);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, json ? Http.JSON : Http.TEXT + ";charset=utf-8");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }

    /** {@code 404 Not Found: detail}, or the status line alone when there is no detail; a line end after it. */
    static String text(int code, String message) {
        String detail = detail(code, message);
        String line = message != null && message.startsWith(code + " ") ? message.strip()
                : code + " " + HttpStatus.getMessage(code) + (detail.isEmpty() ? "" : ": " + detail);
        return line + "\n";
    }

    /** {@code {"status":404,"message":"detail"}}: the detail without the status line privkg's messages start with. */
    static String json(int code, String message) {
        String detail = detail(code, message);
        ObjectNode o = JSON.createObjectNode().put("status", code).put("message", detail.isEmpty() ? HttpStatus.getMessage(code) : detail);
        return o.toString() + "\n";
    }

    /** The message without a leading "404" or "404 Not Found:"; empty when it says no more than the status. */
    private static String detail(int code, String message) {
        if (message == null) return "";
        String m = message.strip();
        String reason = HttpStatus.getMessage(code);
        String prefix = code + " ";
        if (m.startsWith(prefix)) {
            m = m.substring(prefix.length());
            if (m.startsWith(reason + ":")) m = m.substring(reason.length() + 1).strip();
        }
        return m.equalsIgnoreCase(reason) ? "" : m;
    }
}
