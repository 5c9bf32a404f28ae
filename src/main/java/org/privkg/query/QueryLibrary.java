package org.privkg.query;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The bundled queries ({@code queries/*.rq}, shipped in the jar), read once. */
public final class QueryLibrary {
    private static final String DIR = "/privkg/queries";
    private static List<NamedQuery> bundled;

    private QueryLibrary() {
    }

    public static synchronized List<NamedQuery> bundled() {
        if (bundled == null) bundled = load(DIR);
        return bundled;
    }

    public static Optional<NamedQuery> find(String name) {
        return bundled().stream().filter(q -> q.name().equals(name)).findFirst();
    }

    /** A query file of the user's; its header is read the same way. */
    public static NamedQuery fromFile(Path file) throws IOException {
        String name = file.getFileName().toString().replaceFirst("\\.rq$", "");
        return NamedQuery.parse(name, Files.readString(file, StandardCharsets.UTF_8));
    }

    /** A query used by privkg itself (not listed to users), from {@code /privkg/internal/NAME.rq}. */
    public static NamedQuery internal(String name) {
        try (InputStream in = QueryLibrary.class.getResourceAsStream("/privkg/internal/" + name + ".rq")) {
            if (in == null) throw new IllegalStateException("internal query missing from the build: " + name);
            return NamedQuery.parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code .rq} files of a directory shipped in the jar (e.g. {@code /privkg/checks}), by name. */
    public static List<NamedQuery> load(String dir) {
        URL url = QueryLibrary.class.getResource(dir);
        if (url == null) throw new IllegalStateException("bundled " + dir + " missing from the build");
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                return read(fs.getPath(dir));
            }
            return read(Path.of(uri));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The {@code .rq} files of a directory, by name; their headers are read as {@link #fromFile} reads them. */
    public static List<NamedQuery> read(Path dir) throws IOException {
        List<NamedQuery> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".rq"))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList()) {
                String name = f.getFileName().toString().replaceFirst("\\.rq$", "");
                out.add(NamedQuery.parse(name, Files.readString(f, StandardCharsets.UTF_8)));
            }
        }
        return List.copyOf(out);
    }
}
