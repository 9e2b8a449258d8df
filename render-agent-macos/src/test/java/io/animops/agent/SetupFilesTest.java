package io.animops.agent;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** The Mac set-up files: what can be checked without a Mac. */
class SetupFilesTest {
    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path SCRIPT = MODULE.resolve("scripts/setup-macos.sh");

    @Test
    void setupScriptIsValidBash() throws Exception {
        Process bash = new ProcessBuilder("bash", "-n", SCRIPT.toString())
                .redirectErrorStream(true)
                .start();
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isEmpty();
        assertThat(bash.exitValue()).isZero();
    }

    @Test
    @DisabledOnOs(OS.MAC)
    void setupScriptRefusesToRunOutsideMacOs() throws Exception {
        Process setup = new ProcessBuilder("bash", SCRIPT.toString(), "--kubeconfig", "/nonexistent")
                .redirectErrorStream(true)
                .start();
        assertThat(setup.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(setup.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("this sets up a Mac");
        assertThat(setup.exitValue()).isEqualTo(1);
    }

    @Test
    void brewfileInstallsTheVersionedJavaFfmpegAndGodot() throws IOException {
        Properties versions = new Properties();
        versions.load(Files.newBufferedReader(MODULE.resolve("versions.env")));
        List<String> entries = Files.readAllLines(MODULE.resolve("Brewfile")).stream()
                .map(String::trim)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();

        assertThat(entries)
                .containsExactlyInAnyOrder(
                        "brew \"openjdk@" + versions.getProperty("JAVA_MAJOR") + "\"",
                        "brew \"ffmpeg\"",
                        "cask \"godot\"");
        assertThat(versions.getProperty("GODOT_SERIES")).matches("4\\.[0-9]+");
        assertThat(Integer.parseInt(versions.getProperty("FFMPEG_MIN_MAJOR"))).isGreaterThanOrEqualTo(6);
        // the jar is compiled for the Java the Brewfile installs
        assertThat(versions.getProperty("JAVA_MAJOR")).isEqualTo("17");
    }

    @Test
    void launchdServiceKeepsTheAgentAliveAndLogsToFiles() throws Exception {
        String template = Files.readString(MODULE.resolve("launchd/io.animops.render-agent.plist.template"));
        // the placeholders the set-up script fills in, and no others
        assertThat(placeholders(template))
                .containsExactlyInAnyOrder("JAVA", "JAR", "CONFIG", "HOME_DIR", "LOG_DIR", "PATH");
        String script = Files.readString(SCRIPT);
        for (String placeholder : placeholders(template)) {
            assertThat(script).contains("s|@" + placeholder + "@|");
        }

        Map<String, Node> plist = plistDictionary(template.replaceAll("@[A-Z_]+@", "/x"));
        assertThat(plist.get("Label").getTextContent()).isEqualTo("io.animops.render-agent");
        assertThat(plist.get("KeepAlive").getNodeName()).isEqualTo("true");
        assertThat(plist.get("RunAtLoad").getNodeName()).isEqualTo("true");
        assertThat(plist.get("StandardOutPath").getTextContent()).endsWith("agent.out.log");
        assertThat(plist.get("StandardErrorPath").getTextContent()).endsWith("agent.err.log");
        List<String> arguments = new ArrayList<>();
        NodeList strings = ((Element) plist.get("ProgramArguments")).getElementsByTagName("string");
        for (int i = 0; i < strings.getLength(); i++) {
            arguments.add(strings.item(i).getTextContent());
        }
        assertThat(arguments).containsSubsequence("-jar", "/x", "--config", "/x");
    }

    private static List<String> placeholders(String text) {
        List<String> found = new ArrayList<>();
        java.util.regex.Matcher matcher =
                java.util.regex.Pattern.compile("@([A-Z_]+)@").matcher(text);
        while (matcher.find()) {
            if (!found.contains(matcher.group(1))) {
                found.add(matcher.group(1));
            }
        }
        return found;
    }

    /** The top-level dict of a property list: key name to the element that follows it. */
    private static Map<String, Node> plistDictionary(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        // the DOCTYPE names Apple's DTD by URL: never fetch it
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document document =
                factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element dict = (Element)
                document.getDocumentElement().getElementsByTagName("dict").item(0);
        Map<String, Node> entries = new LinkedHashMap<>();
        String key = null;
        for (Node child = dict.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() != Node.ELEMENT_NODE) {
                continue;
            }
            if (child.getNodeName().equals("key")) {
                key = child.getTextContent();
            } else if (key != null) {
                entries.put(key, child);
                key = null;
            }
        }
        return entries;
    }
}
