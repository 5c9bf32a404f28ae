package org.privkg.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Refuses query and update texts longer than the server's limit (413), before anything parses them: a
 * SPARQL parse is not covered by the query time limit and grows faster than the text. Applies to SPARQL
 * bodies ({@code application/sparql-query}, {@code application/sparql-update}) wherever they are sent, and to
 * forms by their declared length (Jetty holds a form without one to the same limit).
 */
final class QuerySizeFilter implements Filter {
    private final long max;

    QuerySizeFilter(long max) {
        this.max = max;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse res = (HttpServletResponse) response;
        String type = req.getContentType() == null ? "" : req.getContentType().toLowerCase(Locale.ROOT);
        boolean sparql = type.startsWith("application/sparql-query") || type.startsWith("application/sparql-update");
        boolean form = type.startsWith("application/x-www-form-urlencoded");
        if (!sparql && !form) {
            chain.doFilter(request, response);
            return;
        }
        String encoding = req.getHeader("Content-Encoding");
        if (encoding != null && !encoding.isBlank() && !encoding.strip().equalsIgnoreCase("identity")) {
            // Fuseki would inflate it past any limit counted here: a megabyte of gzip is a gigabyte of query
            Http.discardBody(req, res);
            Http.text(res, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "415 Unsupported Media Type: a query or update "
                    + "is taken uncompressed only (Content-Encoding: " + encoding.strip() + "); send it without compression.");
            return;
        }
        if (req.getContentLengthLong() > max) {
            tooLarge(req, res);
            return;
        }
        if (form || req.getContentLengthLong() >= 0) {
            chain.doFilter(request, response);
            return;
        }
        // a SPARQL body of unknown length: read up to the limit, then hand it on
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (InputStream in = req.getInputStream()) {
            byte[] buf = new byte[16384];
            for (int n; (n = in.read(buf)) > 0; ) {
                body.write(buf, 0, n);
                if (body.size() > max) {
                    tooLarge(req, res);
                    return;
                }
            }
        }
        chain.doFilter(new Buffered(req, body.toByteArray()), response);
    }

    private void tooLarge(HttpServletRequest req, HttpServletResponse res) throws IOException {
        // read (and drop) what is still coming, up to a bound, so that the client gets to see the answer
        Http.discardBody(req, res);
        res.setHeader("Connection", "close");
        Http.text(res, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "413 Content Too Large: the query or update is longer than "
                + "this server's limit of " + max + " bytes; shorten it (VALUES blocks and long literals add up), or ask whoever runs "
                + "the server to raise 'privkg serve --max-query-size'.");
    }

    /** The request with its body already read. */
    private static final class Buffered extends HttpServletRequestWrapper {
        private final byte[] body;

        Buffered(HttpServletRequest req, byte[] body) {
            super(req);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("the body was read already");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            java.nio.charset.Charset cs = StandardCharsets.UTF_8;
            try {
                if (getCharacterEncoding() != null) cs = java.nio.charset.Charset.forName(getCharacterEncoding());
            } catch (IllegalArgumentException unknown) {
                // SPARQL is UTF-8 anyway; a charset the JVM does not know is no reason for a 500
            }
            return new BufferedReader(new InputStreamReader(getInputStream(), cs));
        }
    }
}
