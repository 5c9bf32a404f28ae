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
import java.util.Locale;

/**
 * Fuseki answers a query that ran past the limit with a bare "503 Query timed out". This filter, in front
 * of the SPARQL endpoints, replaces that text with one that says what the limit is and what to do.
 */
final class QueryTimeoutFilter implements Filter {
    private final Site site;

    QueryTimeoutFilter(Site site) {
        this.site = site;
    }

    private boolean isQueryPath(String path) {
        String dataset = site.dataset;
        return path.equals(dataset) || path.equals(dataset + "/") || path.equals(dataset + "/sparql")
                || path.equals(dataset + "/query");
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        String path = Http.rawPathAfter(req, "");
        if (path == null || !isQueryPath(path)) {
            chain.doFilter(request, response);
            return;
        }
        HttpServletResponse res = (HttpServletResponse) response;
        Capture capture = new Capture(res);
        chain.doFilter(request, capture);
        capture.finish(site);
    }

    /** Passes everything through, except the body of a 503, which it holds back to look at. */
    private static final class Capture extends HttpServletResponseWrapper {
        private final HttpServletResponse res;
        private ByteArrayOutputStream held;
        private PrintWriter writer;

        Capture(HttpServletResponse res) {
            super(res);
            this.res = res;
        }

        private boolean holding() {
            return getStatus() == SC_SERVICE_UNAVAILABLE && !res.isCommitted();
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
            String text = held.toString(StandardCharsets.UTF_8);
            if (text.toLowerCase(Locale.ROOT).contains("timed out") || text.toLowerCase(Locale.ROOT).contains("timeout")) {
                Http.text(res, SC_SERVICE_UNAVAILABLE, site.timeoutMessage());
            } else {
                res.getOutputStream().write(held.toByteArray());
            }
        }
    }
}
