package org.privkg.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Fuseki's own servlets (query, Graph Store, update, the admin endpoints) answer an error with a plain-text body
 * of their own ({@code ServletOps.responseSendError}), not through Jetty's error handler. This filter, in front of
 * them, holds such a body back and sends its message as the server's one error body instead
 * ({@link ErrorBodyHandler}: text, or JSON by {@code Accept}), keeping Fuseki's status and words; a query that ran
 * past the limit gets a message that says what the limit is and what to do.
 */
final class FusekiErrorFilter implements Filter {
    private static final List<String> SERVICES = List.of("", "/", "/sparql", "/query", "/get", "/update", "/data");
    private final Site site;

    FusekiErrorFilter(Site site) {
        this.site = site;
    }

    /** A path Fuseki's own servlets answer: the dataset's services and Fuseki's admin endpoints. */
    private boolean isFusekiPath(String path) {
        if (path.startsWith("/$/")) return true;
        if (!path.startsWith(site.dataset)) return false;
        String rest = path.substring(site.dataset.length());
        return SERVICES.contains(rest) || rest.startsWith("/data/") || rest.startsWith("/get/");
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        String path = Http.rawPathAfter(req, "");
        if (path == null || !isFusekiPath(path)) {
            chain.doFilter(request, response);
            return;
        }
        HttpServletResponse res = (HttpServletResponse) response;
        Capture capture = new Capture(res);
        chain.doFilter(request, capture);
        capture.finish(site);
    }

    /** Passes everything through, except the body of an error, which it holds back. */
    private static final class Capture extends HttpServletResponseWrapper {
        private final HttpServletResponse res;
        private ByteArrayOutputStream held;
        private PrintWriter writer;

        Capture(HttpServletResponse res) {
            super(res);
            this.res = res;
        }

        private boolean holding() {
            return getStatus() >= 400 && !res.isCommitted();
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (!holding()) return super.getOutputStream();
            if (held == null) held = new ByteArrayOutputStream();
            ByteArrayOutputStream sink = held;
            return new ServletOutputStream() {
                @Override
                public void write(int b) {
                    sink.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    sink.write(b, off, len);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                }
            };
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (!holding()) return super.getWriter();
            if (writer == null) writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8), true);
            return writer;
        }

        @Override
        public void setContentLength(int len) {
            if (!holding()) super.setContentLength(len);
        }

        @Override
        public void setContentLengthLong(long len) {
            if (!holding()) super.setContentLengthLong(len);
        }

        @Override
        public void setHeader(String name, String value) {
            if (holding() && name.equalsIgnoreCase("Content-Length")) return;
            super.setHeader(name, value);
        }

        @Override
        public void flushBuffer() throws IOException {
            if (!holding()) super.flushBuffer();
        }

        void finish(Site site) throws IOException {
            if (writer != null) writer.flush();
            if (held == null) return;
            String text = held.toString(StandardCharsets.UTF_8).strip();
            String lower = text.toLowerCase(Locale.ROOT);
            boolean timedOut = getStatus() == SC_SERVICE_UNAVAILABLE && (lower.contains("timed out") || lower.contains("timeout"));
            Http.text(res, getStatus(), timedOut ? site.timeoutMessage() : text);
        }
    }
}
