package org.privkg.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** NOTICE names everything the shaded jar bundles, so a new dependency cannot slip in unlisted. */
class NoticeTest {
    /** A jar in the local Maven repository: .../repository/GROUP/PATH/ARTIFACT/VERSION/ARTIFACT-VERSION.jar */
    private static final Pattern MAVEN_JAR = Pattern.compile("/repository/(.+)/([^/]+)/([^/]+)/\\2-\\3[^/]*\\.jar!");
    /** Test-only libraries (JUnit; Selenium and what it brings, for the browser tests): on the test class path, not in the jar. */
    private static final Set<String> TEST_ONLY = Set.of("org.junit", "org.opentest4j", "org.apiguardian", "org.apache.maven.surefire",
            "org.seleniumhq", "com.google.guava", "com.google.j2objc", "io.opentelemetry", "net.bytebuddy", "org.jetbrains");

    @Test
    void everyBundledArtifactIsNamedInNotice() throws IOException {
        String notice = Files.readString(Path.of("NOTICE"));
        Set<String> missing = new TreeSet<>();
        int seen = 0;
        for (URL u : Collections.list(getClass().getClassLoader().getResources("META-INF/MANIFEST.MF"))) {
            Matcher m = MAVEN_JAR.matcher(u.toString());
            if (!m.find()) continue;
            String group = m.group(1).replace('/', '.');
            String artifact = m.group(2);
            if (TEST_ONLY.stream().anyMatch(group::startsWith)) continue;
            seen++;
            // named by artifact, or a whole group by "(GROUP" as in "Apache Commons (org.apache.commons, …)"
            if (!notice.contains(artifact) && !notice.matches("(?s).*\\(" + Pattern.quote(group) + "[,)].*")) {
                missing.add(group + ":" + artifact);
            }
        }
        assertTrue(seen > 40, "the dependencies were found on the class path (" + seen + ")");
        assertEquals(List.of(), List.copyOf(missing), "artifacts bundled but not named in NOTICE");
    }

    @Test
    void licenceIsTheApacheLicenceAndThePomSaysSo() throws IOException {
        String licence = Files.readString(Path.of("LICENSE"));
        assertTrue(licence.contains("Apache License") && licence.contains("Version 2.0, January 2004")
                && licence.contains("END OF TERMS AND CONDITIONS"), "LICENSE holds the Apache License 2.0 in full");
        assertTrue(Files.readString(Path.of("pom.xml")).contains("<name>Apache-2.0</name>"), "the pom declares the licence");
    }
}
