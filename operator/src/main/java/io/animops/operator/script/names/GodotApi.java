package io.animops.operator.script.names;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Godot 4.6's scripting API as the engine itself lists it: classes with their parent, methods (with how many
 * arguments they take), signals, properties, constants and enums; singletons; built-in types; utility functions.
 * Loaded from the resource {@value #RESOURCE}, which {@code GodotApiDump} (test code) generates from the real
 * engine. Immutable and thread-safe once loaded.
 */
public final class GodotApi {
    public static final String RESOURCE = "godot/api-4.6.txt";
    private static final GodotApi DEFAULT = load();

    /** How many arguments a method or function takes; {@code most} is -1 when it takes any number (vararg). */
    public record Signature(String name, int least, int most, boolean isStatic) {
        public boolean accepts(int count) {
            return count >= least && (most < 0 || count <= most);
        }
    }

    /** One engine class: only what it declares itself; lookups walk the parents. */
    static final class EngineClass {
        final String name;
        final String parent;
        final Map<String, Signature> methods = new HashMap<>();
        final Set<String> members = new HashSet<>();

        EngineClass(String name, String parent) {
            this.name = name;
            this.parent = parent.isEmpty() ? null : parent;
        }
    }

    private final String version;
    private final Map<String, EngineClass> classes;
    private final Set<String> singletons;
    private final Set<String> builtinTypes;
    private final Map<String, Signature> utilities;

    private GodotApi(
            String version,
            Map<String, EngineClass> classes,
            Set<String> singletons,
            Set<String> builtinTypes,
            Map<String, Signature> utilities) {
        this.version = version;
        this.classes = classes;
        this.singletons = singletons;
        this.builtinTypes = builtinTypes;
        this.utilities = utilities;
    }

    /** The API of the Godot version the project targets. */
    public static GodotApi godot46() {
        return DEFAULT;
    }

    /** The engine's version string the resource was generated from, e.g. {@code 4.6-stable (official)}. */
    public String version() {
        return version;
    }

    public boolean isClass(String name) {
        return classes.containsKey(name);
    }

    public boolean isSingleton(String name) {
        return singletons.contains(name);
    }

    public boolean isBuiltinType(String name) {
        return builtinTypes.contains(name);
    }

    public Optional<Signature> utility(String name) {
        return Optional.ofNullable(utilities.get(name));
    }

    /** The method {@code name} of {@code className} or an ancestor. */
    public Optional<Signature> method(String className, String name) {
        for (EngineClass c = classes.get(className); c != null; c = c.parent == null ? null : classes.get(c.parent)) {
            Signature found = c.methods.get(name);
            if (found != null) {
                return Optional.of(found);
            }
        }
        return Optional.empty();
    }

    /** Whether {@code className} or an ancestor has a member (method, signal, property, constant, enum) so named. */
    public boolean hasMember(String className, String name) {
        for (EngineClass c = classes.get(className); c != null; c = c.parent == null ? null : classes.get(c.parent)) {
            if (c.methods.containsKey(name) || c.members.contains(name)) {
                return true;
            }
        }
        return false;
    }

    private static GodotApi load() {
        try (InputStream in = GodotApi.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses the resource's format: one fact a line, {@code kind name [more]}; members follow their class. */
    static GodotApi parse(String text) {
        String version = "";
        Map<String, EngineClass> classes = new HashMap<>();
        Set<String> singletons = new HashSet<>();
        Set<String> builtinTypes = new HashSet<>();
        Map<String, Signature> utilities = new HashMap<>();
        EngineClass current = null;
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.strip().split(" ");
            switch (f[0]) {
                case "version" -> version = line.substring("version ".length()).strip();
                case "type" -> builtinTypes.add(f[1]);
                case "singleton" -> singletons.add(f[1]);
                case "class" -> {
                    current = new EngineClass(f[1], f.length > 2 ? f[2] : "");
                    classes.put(current.name, current);
                }
                case "method", "static" ->
                    current.methods.put(
                            f[1],
                            new Signature(f[1], Integer.parseInt(f[2]), Integer.parseInt(f[3]), f[0].equals("static")));
                case "signal", "property", "constant", "enum" -> current.members.add(f[1]);
                case "utility" ->
                    utilities.put(f[1], new Signature(f[1], Integer.parseInt(f[2]), Integer.parseInt(f[3]), true));
                default -> throw new IllegalArgumentException("unknown API fact: " + line);
            }
        }
        return new GodotApi(version, classes, singletons, builtinTypes, utilities);
    }
}
