package com.ccabot.knowledge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the optional YAML front matter between two {@code ---} lines at the top of a knowledge file. */
final class FrontMatterParser {

    private static final List<String> KEYS = List.of("title", "date", "source", "author", "url", "lang");
    private static final int MAX_MESSAGE = 160;
    /** Where SnakeYAML says a problem is: " in 'reader', line 2, column 1:". */
    private static final Pattern YAML_MARK = Pattern.compile("\\s*in '[^']*', line (\\d+), column \\d+:?\\s*");

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    /** Splits {@code text} (with {@code \n} line ends) into front matter and body. */
    FrontMatter parse(String text) {
        if (!isDelimiter(firstLine(text), "---")) {
            return new FrontMatter(Map.of(), text);
        }
        int yamlStart = text.indexOf('\n') + 1;
        int lineStart = yamlStart;
        while (lineStart > 0 && lineStart <= text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            String line = lineEnd < 0 ? text.substring(lineStart) : text.substring(lineStart, lineEnd);
            if (isDelimiter(line, "---") || isDelimiter(line, "...")) {
                String body = lineEnd < 0 ? "" : text.substring(lineEnd + 1);
                return new FrontMatter(fields(text.substring(yamlStart, lineStart)), body);
            }
            lineStart = lineEnd + 1;
        }
        throw new KnowledgeException("front matter is not closed by ---");
    }

    private Map<String, String> fields(String block) {
        JsonNode root;
        try {
            root = yaml.readTree(block);
        } catch (JsonProcessingException e) {
            throw new KnowledgeException("front matter is not valid YAML: " + shortMessage(e));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return Map.of();
        }
        if (!root.isObject()) {
            throw new KnowledgeException("front matter is not a mapping of keys to values");
        }
        Map<String, String> fields = new HashMap<>();
        for (String key : KEYS) {
            JsonNode value = root.get(key);
            if (value == null || value.isNull()) {
                continue;
            }
            if (!value.isValueNode()) {
                throw new KnowledgeException("front matter: " + key + " must be a single value, not a list or mapping");
            }
            String text = value.asText().strip();
            if (!text.isEmpty()) {
                fields.put(key, text);
            }
        }
        return fields;
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    private static boolean isDelimiter(String line, String delimiter) {
        return line.stripTrailing().equals(delimiter);
    }

    /**
     * The parser's message on one short line. SnakeYAML's spans several lines, with a snippet and a
     * caret under it, and counts lines from the start of the YAML rather than of the file.
     */
    private static String shortMessage(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        List<String> parts = new ArrayList<>();
        Integer yamlLine = e.getLocation() == null || e.getLocation().getLineNr() < 1 ? null : e.getLocation().getLineNr();
        for (String line : message.lines().toList()) {
            Matcher mark = YAML_MARK.matcher(line);
            if (mark.matches()) {
                yamlLine = Integer.parseInt(mark.group(1));
            } else if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
                parts.add(line.strip());
            }
        }
        String text = parts.isEmpty() ? message.strip() : String.join(": ", parts);
        // +1: the file's first line is the opening ---
        String located = yamlLine == null ? text : text + " (line " + (yamlLine + 1) + ")";
        return located.length() <= MAX_MESSAGE ? located : located.substring(0, MAX_MESSAGE - 1) + "…";
    }
}
