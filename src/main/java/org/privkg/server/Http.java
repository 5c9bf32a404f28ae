package org.privkg.server;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Small HTTP helpers the servlets share: content negotiation, plain-text answers, path decoding. */
final class Http {
    static final String TURTLE = "text/turtle";
    static final String JSONLD = "application/ld+json";
    static final String NTRIPLES = "application/n-triples";
    static final String RDFXML = "application/rdf+xml";
    static final String HTML = "text/html";
    static final String TEXT = "text/plain";
    static final String JSON = "application/json";
    static final String RS_JSON = "application/sparql-results+json";
    static final String RS_XML = "application/sparql-results+xml";
    static final String CSV = "text/csv";
    static final String TSV = "text/tab-separated-values";

    /** Short names accepted in {@code ?format=}, for clients that cannot set Accept (a browser's address bar). */
    static final Map<String, String> FORMAT_NAMES = Map.ofEntries(
            Map.entry("ttl", TURTLE), Map.entry("turtle", TURTLE),
            Map.entry("jsonld", JSONLD), Map.entry("json-ld", JSONLD),
            Map.entry("nt", NTRIPLES), Map.entry("ntriples", NTRIPLES), Map.entry("n-triples", NTRIPLES),
            Map.entry("rdf", RDFXML), Map.entry("rdfxml", RDFXML), Map.entry("rdf-xml", RDFXML),
            Map.entry("html", HTML), Map.entry("text", TEXT), Map.entry("txt", TEXT),
            Map.entry("json", JSON), Map.entry("srj", RS_JSON), Map.entry("xml", RS_XML), Map.entry("srx", RS_XML),
            Map.entry("csv", CSV), Map.entry("tsv", TSV));

    private Http() {
    }

    /**
     * The media type to answer with, from {@code ?format=} when given, else the Accept header (q values
     * and wildcards honoured; ties go to the earlier offer), else the first offer. Null when the client
     * accepts none of the offers.
     */
    static String negotiate(HttpServletRequest req, List<String> offers) {
        String format = req.getParameter("format");
        if (format != null && !format.isBlank()) {
            String f = format.strip().toLowerCase(Locale.ROOT);
            String type = FORMAT_NAMES.getOrDefault(f, f);
            // json means the natural JSON form of what is offered
            if (type.equals(JSON) && !offers.contains(JSON)) {
                if (offers.contains(RS_JSON)) type = RS_JSON;
                else if (offers.contains(JSONLD)) type = JSONLD;
            }
            if (type.equals(RS_XML) && !offers.contains(RS_XML) && offers.contains(RDFXML)) type = RDFXML;
            return offers.contains(type) ? type : null;
        }
        return negotiate(req.getHeader("Accept"), offers);
    }

    /** {@link #negotiate(HttpServletRequest, List)} by an Accept header alone (null or blank: the first offer). */
    static String negotiate(String accept, List<String> offers) {
        if (accept == null || accept.isBlank()) return offers.get(0);
        List<Range> ranges = parseAccept(accept);
        String best = null;
        double bestQ = 0;
        for (String offer : offers) {
            double q = quality(offer, ranges);
            if (q > bestQ) {
                best = offer;
                bestQ = q;
            }
        }
        return best;
    }

    private record Range(String type, String subtype, double q) {
        int specificity() {
            return type.equals("*") ? 0 : subtype.equals("*") ? 1 : 2;
        }
    }

    private static List<Range> parseAccept(String accept) {
        List<Range> out = new ArrayList<>();
        for (String part : accept.split(",")) {
            String[] bits = part.split(";");
            String mt = bits[0].strip().toLowerCase(Locale.ROOT);
            int slash = mt.indexOf('/');
            if (mt.equals("*")) mt = "*/*";
            if (slash < 0 && !mt.equals("*/*")) continue;
            slash = mt.indexOf('/');
            double q = 1.0;
            for (int i = 1; i < bits.length; i++) {
                String p = bits[i].strip();
                if (p.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(p.substring(2).strip());
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            out.add(new Range(mt.substring(0, slash), mt.substring(slash + 1), q));
        }
        return out;
    }

    /** The q the client gives the offer: that of the most specific range matching it. */
    private static double quality(String offer, List<Range> ranges) {
        int slash = offer.indexOf('/');
        String type = offer.substring(0, slash);
        String sub = offer.substring(slash + 1);
        Range match = null;
        for (Range r : ranges) {
            boolean ok = (r.type.equals("*") || r.type.equals(type)) && (r.subtype.equals("*") || r.subtype.equals(sub));
            // application/json is close enough to ask for SPARQL JSON results or JSON-LD
            if (!ok && r.type.equals("application") && r.subtype.equals("json") && (offer.equals(RS_JSON) || offer.equals(JSONLD))) {
                ok = true;
            }
            if (ok && (match == null || r.specificity() > match.specificity())) match = r;
        }
        return match == null ? 0 : match.q;
    }

    /**
     * Answers with a short message. An error (4xx, 5xx) goes through the server's {@link ErrorBodyHandler},
     * so it takes the form of every other error: plain text, or JSON when the client prefers it.
     */
    static void text(HttpServletResponse res, int status, String message) throws IOException {
        if (status >= 400) {
            res.sendError(status, message);
            return;
        }
        byte[] body = (message.endsWith("\n") ? message : message + "\n").getBytes(StandardCharsets.UTF_8);
        res.setStatus(status);
        res.setContentType("text/plain;charset=utf-8");
        res.setContentLength(body.length);
        res.getOutputStream().write(body);
    }

    /** Bodies up to this size are read and dropped before an early refusal; larger ones close the connection. */
    static final long DISCARD_LIMIT = 64L * 1024 * 1024;

    /**
     * Reads and drops the request body, so that refusing a request before reading it (401, 403) leaves a
     * clean connection: a client still sending its body would otherwise meet a reset and never see the answer.
     */
    static void discardBody(HttpServletRequest req, HttpServletResponse res) {
        long declared = req.getContentLengthLong();
        if (declared > DISCARD_LIMIT) {
            res.setHeader("Connection", "close");
            return;
        }
        try (var in = req.getInputStream()) {
            byte[] buf = new byte[16384];
            long total = 0;
            for (int n; (n = in.read(buf)) > 0; ) {
                total += n;
                if (total > DISCARD_LIMIT) {
                    res.setHeader("Connection", "close");
                    return;
                }
            }
        } catch (IOException | IllegalStateException e) {
            res.setHeader("Connection", "close");
        }
    }

    /** {@link #negotiate}; when no offer fits, answers 406 and returns null. */
    static String negotiateOrRefuse(HttpServletRequest req, HttpServletResponse res, List<String> offers) throws IOException {
        String type = negotiate(req, offers);
        if (type == null) notAcceptable(res, offers);
        return type;
    }

    static void notAcceptable(HttpServletResponse res, List<String> offers) throws IOException {
        text(res, HttpServletResponse.SC_NOT_ACCEPTABLE, "406 Not Acceptable: this resource is available as "
                + String.join(", ", offers) + " (ask with Accept, or ?format=NAME)");
    }

    /** Sends bytes with a content type. */
    static void send(HttpServletResponse res, int status, String contentType, byte[] body) throws IOException {
        res.setStatus(status);
        res.setContentType(contentType);
        res.setContentLength(body.length);
        res.getOutputStream().write(body);
    }

    /** Content type with the UTF-8 charset where the media type takes one. */
    static String withCharset(String mediaType) {
        return switch (mediaType) {
            case TURTLE, HTML, TEXT, CSV, TSV, NTRIPLES -> mediaType + ";charset=utf-8";
            default -> mediaType;
        };
    }

    /**
     * The raw (still percent-encoded) request path after the given prefix, or null when the path does
     * not start with it. The raw path keeps {@code %2F} inside a segment apart from a real slash.
     */
    static String rawPathAfter(HttpServletRequest req, String prefix) {
        String uri = req.getRequestURI();
        String ctx = req.getContextPath();
        if (ctx != null && !ctx.isEmpty() && uri.startsWith(ctx)) uri = uri.substring(ctx.length());
        int q = uri.indexOf('?');
        if (q >= 0) uri = uri.substring(0, q);
        if (!uri.startsWith(prefix)) return null;
        return uri.substring(prefix.length());
    }

    /** Percent-decodes one path segment as UTF-8; '+' stays a plus sign. */
    static String decodeSegment(String s) {
        if (s.indexOf('%') < 0) return s;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); ) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) throw new IllegalArgumentException("bad percent-encoding in the path: " + s);
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) throw new IllegalArgumentException("bad percent-encoding in the path: " + s);
                bytes.write(hi * 16 + lo);
                i += 3;
            } else {
                int cp = s.codePointAt(i);
                byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
                i += Character.charCount(cp);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the path is not percent-encoded UTF-8: " + s);
        }
    }

    /** Percent-encodes a string for use as a query parameter value. */
    static String queryParam(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static boolean isSafeMethod(String method) {
        return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
    }
}
