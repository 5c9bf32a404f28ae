package org.privkg.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.privkg.server.PrivkgServer;
import org.privkg.server.ServerException;
import org.privkg.store.PolicyStore;
import org.privkg.store.StoreException;
import org.privkg.store.StoreLockedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        header = "Serves the dataset over HTTP with embedded Fuseki.",
        description = "Serves the dataset over HTTP with embedded Fuseki: a SPARQL endpoint (/privkg/sparql; --name changes /privkg), Graph Store reads (/privkg/get), the bundled queries (/privkg/queries/QUERY), linked data for every instance IRI (/id/...), the ontology (/ontology) and a VoID description (/.well-known/void). Read-only and on loopback unless told otherwise. With --allow-update, SPARQL update (/privkg/update), Graph Store writes (/privkg/data) and PUT /privkg/policies/ID (an annotated policy as the body) need HTTP Basic auth as user admin, with the password from $PRIVKG_PASSWORD or --password-file.")
final class ServeCommand implements Callable<Integer> {
    static final String PASSWORD_ENV = "PRIVKG_PASSWORD";

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "3030", description = "TCP port (default: ${DEFAULT-VALUE}; 0 = any free port).")
    int port;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = PrivkgServer.DEFAULT_HOST,
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 = every interface).")
    String host;

    @Option(names = "--timeout", paramLabel = "TIME", defaultValue = "30s", converter = TimeLimit.class,
            description = "Longest a query may run: 30s, 500ms, 2m; a bare number is seconds (default: ${DEFAULT-VALUE}; 0 = no limit).")
    Duration timeout;

    @Option(names = "--allow-update", description = "Accept SPARQL update, Graph Store writes and policy uploads (HTTP Basic auth as admin).")
    boolean allowUpdate;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "File whose first line is the admin password (default: $PRIVKG_PASSWORD).")
    Path passwordFile;

    /** Refused: a password on the command line shows in ps and in shell history. */
    @Option(names = "--password", hidden = true, paramLabel = "PASSWORD")
    String passwordOnCommandLine;

    @Option(names = "--allow-service", paramLabel = "HOST", split = ",",
            description = "Let SPARQL SERVICE call these hosts (host or host:port, comma-separated or repeated). SERVICE is refused by default: it would make the server fetch any URL a query names, local ones included.")
    List<String> serviceHosts = new ArrayList<>();

    @Option(names = "--max-query-size", paramLabel = "BYTES", defaultValue = "1048576",
            description = "Longest query or update text taken, in bytes (default: ${DEFAULT-VALUE}, 1 MiB); longer ones get 413 before they are parsed.")
    long maxQuerySize;

    @Option(names = "--name", paramLabel = "NAME", defaultValue = PrivkgServer.DEFAULT_NAME,
            description = "The dataset's name, which is its path: /NAME/sparql, /NAME/get, /NAME/queries, /NAME/policies, /NAME/update, /NAME/data (default: ${DEFAULT-VALUE}). Letters, digits, '-' and '_'.")
    String name;

    @Option(names = {"-v", "--verbose"}, description = "Log every request to standard error.")
    boolean verbose;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (passwordOnCommandLine != null) {
            throw UserError.badInput("the admin password is never taken on the command line (it would show in ps and "
                    + "in shell history); set " + PASSWORD_ENV + " or pass --password-file FILE");
        }
        if (port < 0 || port > 65535) throw UserError.badInput("--port " + port + " is not a TCP port (0-65535)");
        if (!PrivkgServer.isDatasetName(name)) throw UserError.badInput("--name: " + PrivkgServer.nameProblem(name));
        if (host == null || host.isBlank()) throw UserError.badInput("--host needs an address, e.g. 127.0.0.1 or 0.0.0.0");
        if (maxQuerySize < 1 || maxQuerySize > Integer.MAX_VALUE - 1024) {
            throw UserError.badInput("--max-query-size must be a number of bytes from 1 to 2147482623");
        }
        for (String h : serviceHosts) {
            if (h.isBlank() || h.contains("/") || h.contains("@")) {
                throw UserError.badInput("--allow-service '" + h + "': give a host name or host:port, e.g. query.wikidata.org");
            }
        }
        if (verbose) PrivkgServer.logRequests();
        String password = password();
        if (allowUpdate && password == null) {
            throw UserError.badInput("refusing to start with --allow-update: there is no password for user 'admin'. "
                    + "Set " + PASSWORD_ENV + " or pass --password-file FILE (a password is never taken on the command line), "
                    + "or drop --allow-update to serve read-only.");
        }

        PolicyStore db = open();
        PrivkgServer server;
        try {
            PrivkgServer.Builder b = PrivkgServer.builder(db)
                    .name(name)
                    .host(host.strip())
                    .port(port)
                    .timeout(timeout)
                    .verbose(verbose)
                    .allowService(serviceHosts.stream().map(String::strip).toList())
                    .maxQuerySize(maxQuerySize);
            if (allowUpdate) b.allowUpdate(password);
            server = b.build().start();
        } catch (ServerException e) {
            db.close();
            throw UserError.failure(e.getMessage());
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }

        AtomicBoolean stopped = new AtomicBoolean();
        AtomicBoolean closedDb = new AtomicBoolean();
        Runnable stop = () -> {
            if (!stopped.compareAndSet(false, true)) return;
            try {
                server.close();
            } finally {
                if (server.idle()) {
                    db.close();
                    closedDb.set(true);
                } else {
                    // a request still holds a transaction; the process ends anyway: a read leaves nothing behind,
                    // and an unfinished write is rolled back from TDB2's journal when the dataset is next opened
                    err.println("privkg serve: a request was still running after " + PrivkgServer.SHUTDOWN_GRACE.toSeconds()
                            + " s; stopping without waiting for it");
                }
            }
        };
        Thread hook = new Thread(() -> {
            err.println("privkg serve: stopping");
            err.flush();
            stop.run();
            err.println(closedDb.get() ? "privkg serve: stopped; the dataset is closed" : "privkg serve: stopped");
            err.flush();
        }, "privkg-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);

        for (String line : server.banner()) out.println(line);
        out.flush();
        server.join();
        if (!stopped.get()) {
            // the server ended by itself, not through a signal
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                return Main.OK;
            }
            stop.run();
        }
        return Main.OK;
    }

    /** The admin password from --password-file, else $PRIVKG_PASSWORD; null when neither gives one. */
    private String password() {
        if (passwordFile != null) {
            if (!Files.isRegularFile(passwordFile)) {
                throw UserError.badInput("--password-file " + passwordFile + ": no such file");
            }
            try {
                String text = Files.readString(passwordFile, StandardCharsets.UTF_8);
                String first = text.lines().findFirst().orElse("");
                if (first.startsWith("\uFEFF")) first = first.substring(1);
                if (first.isEmpty()) throw UserError.badInput("--password-file " + passwordFile + ": the first line is empty");
                return first;
            } catch (IOException e) {
                throw UserError.badInput("--password-file " + passwordFile + ": cannot read it (" + e.getMessage() + ")");
            }
        }
        String env = System.getenv(PASSWORD_ENV);
        return env == null || env.isEmpty() ? null : env;
    }

    /**
     * Opens the dataset, with the instance base its IRIs were minted with unless --base says otherwise.
     * Read-only serving needs an existing dataset; with updates on, an empty one is created.
     */
    private PolicyStore open() {
        Path dir = store.db();
        PolicyStore db;
        try {
            db = allowUpdate ? PolicyStore.open(dir, store.base) : PolicyStore.openExisting(dir, store.base);
        } catch (StoreLockedException e) {
            throw UserError.failure("the dataset at " + dir + " is in use by another process (a 'privkg load' still running, "
                    + "or another 'privkg serve'). Wait for it to finish or stop it, then start the server again.");
        } catch (StoreException e) {
            throw UserError.failure(e.getMessage());
        }
        Optional<String> found = PrivkgServer.detectBase(db.dataset());
        if (found.isPresent() && !found.get().equals(db.iris().base())) {
            if (store.base == null) {
                db.close();
                db = PolicyStore.open(dir, found.get());
            } else {
                spec.commandLine().getErr().println("privkg serve: note: the policies in " + dir + " were loaded with the base "
                        + found.get() + "; /id/ serves IRIs under " + db.iris().base() + " as --base says");
            }
        }
        return db;
    }
}
