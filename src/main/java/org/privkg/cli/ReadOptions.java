package org.privkg.cli;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import org.privkg.pipeline.PolicyReader;
import org.privkg.standoff.Format;
import org.privkg.standoff.LabelMap;
import org.privkg.vocab.Lexicon;
import picocli.CommandLine.Option;

/** How policy files are read. */
final class ReadOptions {
    @Option(names = "--encoding", paramLabel = "NAME", description = "Encoding of the policy files (default: UTF-8), e.g. GB18030.")
    String encoding;

    @Option(names = "--lenient", description = "Keep what can be kept of a bad file: a bad mark becomes plain text, a bad "
            + "standoff span is left out, each with a warning, and the rest of the file is read. A file that still cannot be "
            + "read (no permission, not text, a name that is no policy id) is reported; load skips it, stores the others and "
            + "exits 0, extract exits 2.")
    boolean lenient;

    @Option(names = "--owner", paramLabel = "NAME", description = "Name of the policy's own side (default: found in the title).")
    String owner;

    @Option(names = "--record-source-path", description = "Record each file's path as given on the command line as the "
            + "policy's source (dct:source) in its graph. By default only the file name is recorded: the graph is "
            + "exported and served, and a path can hold a user name.")
    boolean recordSourcePath;

    @Option(names = "--input", paramLabel = "FORMAT", description = "Format of the inputs: marks (inline), brat, doccano, "
            + "labelstudio or ca4p (default: told by extension and layout: NAME.txt with NAME.ann beside it is brat, "
            + "*.jsonl doccano, *.json Label Studio, a directory with annotation_data/ and raw_data/ the CA4P release).")
    String input;

    @Option(names = "--labels", paramLabel = "MAP.json", description = "What the label names of standoff files mean, "
            + "added to the default map: {\"LABEL\": \"data\"}, each value data, action, entity, purpose or evidence.")
    Path labels;

    private LabelMap labelMap;

    PolicyReader reader() {
        return reader(null);
    }

    /** @param annotator proposes each policy's marks ('load --annotate'), or null */
    PolicyReader reader(org.privkg.annotate.Annotator annotator) {
        return new PolicyReader(charset(), lenient, owner, Lexicon.bundled(), labelMap(), annotator);
    }

    /** The --input format, or null to tell each input's format by itself. */
    Format format() {
        if (input == null) return null;
        return Format.named(input).orElseThrow(() -> UserError.badInput("--input: unknown format '" + input + "'; give " + Format.NAMES));
    }

    /** The label map, read once: a bad map is a usage error, before any policy is read. */
    synchronized LabelMap labelMap() {
        if (labelMap == null) {
            try {
                labelMap = labels == null ? LabelMap.standard() : LabelMap.read(labels);
            } catch (IllegalArgumentException e) {
                throw UserError.badInput("--labels: " + e.getMessage());
            }
        }
        return labelMap;
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
