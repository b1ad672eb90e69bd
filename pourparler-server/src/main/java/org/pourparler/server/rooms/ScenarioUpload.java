package org.pourparler.server.rooms;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.pourparler.io.Scenarios;
import org.pourparler.io.source.ScenarioFormatException;
import org.pourparler.model.Scenario;
import org.pourparler.server.http.ApiError;

/**
 * The scenario of a new room: one of the examples, or uploaded files read through the same hardened
 * readers as the CLI's (GENIUS XML, GeniusWeb JSON, our YAML/JSON). Uploads pass through a private
 * temporary folder, removed at once; error messages name the uploaded file, never the folder.
 */
final class ScenarioUpload {
    private ScenarioUpload() { }

    /** The seed scenario, listed first wherever the examples are offered. */
    static final String SEED = "ukraine-2024-feelers";

    /** An example scenario, by the name a room or a study is opened from. */
    record Example(String name, Scenario scenario) { }

    /** The examples in the folder that read as scenarios (a tournament's file does not), the seed scenario first. */
    static java.util.List<Example> examples(Path folder) {
        java.util.List<Example> out = new java.util.ArrayList<>();
        if (folder == null || !Files.isDirectory(folder)) return out;
        java.util.List<Path> files;
        try (java.util.stream.Stream<Path> s = Files.list(folder)) {
            files = s.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (java.io.IOException e) {
            return out;
        }
        for (Path f : files) {
            String name = f.getFileName().toString().replaceFirst("\\.yaml$", "");
            try {
                Example e = new Example(name, read(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("example", name), folder));
                if (name.equals(SEED)) out.add(0, e);
                else out.add(e);
            } catch (RuntimeException notAScenario) {
                // a tournament's specification, say: not offered
            }
        }
        return out;
    }

    /**
     * {@code {"example": NAME}}, {@code {"file": NAME, "text": CONTENT}} or {@code {"files": [{"name", "text"}, ...]}}
     * (a GENIUS or GeniusWeb folder: a domain and its profiles).
     */
    static Scenario read(JsonNode scenario, Path examples) {
        if (scenario == null || !scenario.isObject()) {
            throw ApiError.badRequest("\"scenario\" must be {\"example\": NAME}, {\"file\": NAME, \"text\": CONTENT} or {\"files\": [...]}");
        }
        if (scenario.has("example")) {
            String name = scenario.get("example").asText();
            if (!name.matches("[a-z0-9][a-z0-9-]{0,80}")) throw ApiError.badRequest("\"scenario.example\": no example is called '" + clip(name) + "'");
            Path file = examples.resolve(name + ".yaml");
            if (!Files.isRegularFile(file)) throw ApiError.badRequest("\"scenario.example\": no example is called '" + name + "'");
            return load(file, null);
        }
        Path dir;
        try {
            dir = Files.createTempDirectory("pourparler-upload");
        } catch (IOException e) {
            throw new IllegalStateException("cannot make a temporary folder", e);
        }
        try {
            if (scenario.has("file")) {
                Path f = write(dir, scenario.get("file").asText(), scenario.path("text"));
                return load(f, dir);
            }
            if (scenario.has("files") && scenario.get("files").isArray() && scenario.get("files").size() > 0) {
                for (JsonNode f : scenario.get("files")) write(dir, f.path("name").asText(), f.path("text"));
                return load(dir, dir);
            }
            throw ApiError.badRequest("\"scenario\" must be {\"example\": NAME}, {\"file\": NAME, \"text\": CONTENT} or {\"files\": [...]}");
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary folder left behind holds only what the convener uploaded
            }
        }
    }

    private static Path write(Path dir, String name, JsonNode text) {
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9 ._-]{0,120}") || name.contains("..")) {
            throw ApiError.badRequest("An uploaded file's name must be a plain file name such as domain.xml, but was '" + clip(name) + "'");
        }
        if (!text.isTextual()) throw ApiError.badRequest("The uploaded file '" + name + "' needs its \"text\"");
        Path f = dir.resolve(name);
        try {
            Files.writeString(f, text.asText(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write an upload", e);
        }
        return f;
    }

    private static Scenario load(Path path, Path hide) {
        try {
            return Scenarios.read(path).scenario();
        } catch (ScenarioFormatException e) {
            String message = e.getMessage();
            if (hide != null) message = message.replace(hide.toString() + java.io.File.separator, "").replace(hide.toString(), "the upload");
            throw ApiError.badRequest(message);
        }
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
