package org.privkg.cli;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import org.privkg.pipeline.PolicyReader;
import org.privkg.vocab.Lexicon;
import picocli.CommandLine.Option;

/** How policy files are read. */
final class ReadOptions {
    @Option(names = "--encoding", paramLabel = "NAME", description = "Encoding of the policy files (default: UTF-8), e.g. GB18030.")
    String encoding;

    @Option(names = "--lenient", description = "Keep a file with bad marks: each bad mark becomes plain text and a warning.")
    boolean lenient;

    @Option(names = "--owner", paramLabel = "NAME", description = "Name of the policy's own side (default: found in the title).")
    String owner;

    @Option(names = "--record-source-path", description = "Record each file's path as given on the command line as the "
            + "policy's source (dct:source) in its graph. By default only the file name is recorded: the graph is "
            + "exported and served, and a path can hold a user name.")
    boolean recordSourcePath;

    PolicyReader reader() {
        return new PolicyReader(charset(), lenient, owner, Lexicon.bundled());
    }

    Charset charset() {
        if (encoding == null) return StandardCharsets.UTF_8;
        try {
            return Charset.forName(encoding);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw UserError.badInput("unknown encoding '" + encoding + "'; try UTF-8, GB18030, GBK, Big5 or UTF-16");
        }
    }
}
