package org.privkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands README.md gives under "Policy metadata" run as written, on the sample policies and data/metadata.csv. */
class ReadmeMetadataTest {
    @Test
    void theReadmeCommandsRunAndCountBySector(@TempDir Path tmp) throws IOException {
        String db = tmp.resolve("db").toString();
        assertEquals(0, CliRunner.run("load", "--db", db, "data/policies").exit());
        List<String> commands = commands();
        assertEquals(3, commands.size(), commands.toString());
        List<CliRunner> runs = new ArrayList<>();
        for (String c : commands) {
            String[] args = c.substring("bin/privkg ".length()).replace("privkg-db", db).split(" +");
            CliRunner r = CliRunner.run(args);
            assertEquals(0, r.exit(), c + ": " + r.err());
            runs.add(r);
        }
        assertTrue(runs.get(0).err().contains("metadata: 4 policies described from data/metadata.csv"), runs.get(0).err());
        String stats = runs.get(1).out();
        for (String sector : List.of("金融 1", "游戏 1", "电商 1", "医疗健康 1")) assertTrue(stats.contains(sector), stats);
        assertTrue(runs.get(2).out().contains("身份证"), "the bank collects ID card numbers: " + runs.get(2).out());
    }

    private static List<String> commands() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int section = readme.indexOf("## Policy metadata");
        int start = readme.indexOf("```sh\n", section) + "```sh\n".length();
        String block = readme.substring(start, readme.indexOf("```", start));
        return Arrays.stream(block.split("\n")).filter(l -> l.startsWith("bin/privkg ")).toList();
    }
}
