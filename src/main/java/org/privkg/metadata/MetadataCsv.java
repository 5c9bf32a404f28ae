package org.privkg.metadata;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;

/**
 * Reads a metadata file: CSV (RFC 4180: quoted cells may hold commas, quotes and line breaks), UTF-8 with or
 * without a byte order mark, a header line naming the columns, one row per policy. The whole file is read
 * and checked before anything is stored, so a bad row stores nothing.
 */
public final class MetadataCsv {
    private MetadataCsv() {
    }

    /** A file that cannot be used, the message naming file, line and column and what to do. */
    public static final class BadFile extends RuntimeException {
        BadFile(String message) {
            super(message);
        }
    }

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader().setSkipHeaderRecord(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .get();

    public static List<PolicyMetadata> read(Path file) {
        String text = text(file);
        List<PolicyMetadata> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            List<String> headers = parser.getHeaderNames();
            int idColumn = idColumn(file, headers);
            Map<String, Long> seen = new HashMap<>();
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                long line = parser.getCurrentLineNumber() + 1; // the row starts after the last line read
                CSVRecord r;
                try {
                    if (!records.hasNext()) break;
                    r = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw new BadFile(file + ":" + line + ": not valid CSV (" + cause(e) + "); a cell holding a quote, comma or"
                            + " line break must be quoted, and a quote inside it doubled (\"\")");
                }
                if (r.size() > headers.size()) {
                    throw new BadFile(file + ":" + line + ": " + r.size() + " cells, but the header names " + headers.size()
                            + " columns; quote a cell that holds a comma, or name the extra column in the header");
                }
                rows.add(row(file, line, headers, idColumn, r, seen));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            // commons-csv's word for a header it cannot use (a name twice, a missing name)
            throw new BadFile(file + ":1: the header line cannot be used (" + e.getMessage() + "); give each column a"
                    + " name of its own");
        }
        return rows;
    }

    private static int idColumn(Path file, List<String> headers) {
        for (int i = 0; i < headers.size(); i++) if (MetadataColumns.of(headers.get(i)) == MetadataColumns.ID) return i;
        throw new BadFile(file + ":1: no id column in the header (" + String.join(",", headers) + "); name the column of"
                + " policy ids 'id', as 'privkg query policies' lists them");
    }

    private static PolicyMetadata row(Path file, long line, List<String> headers, int idColumn, CSVRecord r, Map<String, Long> seen) {
        String id = cell(r, idColumn);
        if (id.isEmpty()) throw new BadFile(file + ":" + line + ":" + (idColumn + 1) + ": no policy id in column "
                + (idColumn + 1) + " (" + headers.get(idColumn) + "); every row needs one");
        Long before = seen.putIfAbsent(id, line);
        if (before != null) throw new BadFile(file + ":" + line + ":" + (idColumn + 1) + ": policy '" + id
                + "' again (first on line " + before + "); give each policy one row");
        String app = null, sector = null, url = null;
        LocalDate date = null;
        Map<String, String> others = new LinkedHashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            String v = cell(r, i);
            if (v.isEmpty() || i == idColumn) continue;
            String where = file + ":" + line + ":" + (i + 1) + " (" + headers.get(i) + ")";
            switch (MetadataColumns.of(headers.get(i))) {
                case APP -> app = v;
                case SECTOR -> sector = v;
                case VERSION_DATE -> date = date(where, v);
                case SOURCE_URL -> url = url(where, v);
                default -> others.put(headers.get(i), v);
            }
        }
        return new PolicyMetadata(id, line, idColumn + 1, app, sector, date, url, others);
    }

    private static String cell(CSVRecord r, int i) {
        return i < r.size() ? r.get(i).strip() : ""; // a short row: the cells left out are empty
    }

    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");

    /** 2021-03-05, 2021/3/5, 2021.3.5 and 2021年3月5日 are one date. */
    static LocalDate date(String where, String v) {
        Matcher m = DATE.matcher(v);
        if (m.matches()) {
            try {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            } catch (DateTimeException e) {
                throw new BadFile(where + ": '" + v + "' is no date (" + e.getMessage() + "); write it as 2021-03-05");
            }
        }
        throw new BadFile(where + ": '" + v + "' is not a date; write it as 2021-03-05 (2021/3/5 and 2021年3月5日 are read too)");
    }

    static String url(String where, String v) {
        try {
            IRIx iri = IRIx.create(v);
            String scheme = iri.scheme();
            if (iri.isAbsolute() && scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                return iri.str();
            }
        } catch (IRIException e) {
            // reported below, with what to write instead
        }
        throw new BadFile(where + ": '" + v + "' is not a web address; write the whole address, https://…");
    }

    private static String text(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BadFile(file + ": no such file");
        } catch (IOException e) {
            throw new BadFile(file + ": cannot read it (" + e.getMessage() + ")");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new BadFile(file + ": not UTF-8; save it as UTF-8 (spreadsheets: 'CSV UTF-8')");
        }
        // spreadsheets write a byte order mark, which would otherwise be part of the first column's name
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static String cause(Exception e) {
        Throwable t = e.getCause() != null ? e.getCause() : e;
        return t.getMessage();
    }
}
