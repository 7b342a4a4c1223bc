package com.ccabot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages follow the path of a question (knowledge → index → retrieval → answer → cache → ask → transports)
 * with no cycle between them, and the transports see the narrow {@code ask.Assistant}, not the application.
 */
class PackageDependenciesTest {

    private static final Path SOURCES = Path.of("src/main/java/com/ccabot");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?com\\.ccabot\\.(\\w+)\\.", Pattern.MULTILINE);
    private static final Pattern ROOT_IMPORT = Pattern.compile("^import com\\.ccabot\\.[A-Z]", Pattern.MULTILINE);

    @Test
    void noTwoPackagesDependOnEachOtherEvenThroughOthers() throws IOException {
        Map<String, Set<String>> uses = dependencies();

        List<String> cycles = new ArrayList<>();
        for (String from : uses.keySet()) {
            if (reachable(uses, from).contains(from)) {
                cycles.add(from);
            }
        }
        assertThat(cycles).as("packages on a cycle, with what each uses: %s", uses).isEmpty();
    }

    @Test
    void theStagesComeInTheOrderOfThePathOfAQuestion() throws IOException {
        Map<String, Set<String>> uses = dependencies();
        List<String> order = List.of("knowledge", "index", "retrieval", "answer", "cache", "ask");

        for (int i = 0; i < order.size() - 1; i++) {
            Set<String> later = new HashSet<>(order.subList(i + 1, order.size()));
            assertThat(uses.getOrDefault(order.get(i), Set.of())).as("%s uses a later stage", order.get(i))
                    .doesNotContainAnyElementsOf(later);
        }
    }

    @Test
    void transportsSeeTheAssistantNotTheApplication() throws IOException {
        for (String transport : List.of("console", "telegram", "http")) {
            try (Stream<Path> files = Files.walk(SOURCES.resolve(transport))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    assertThat(ROOT_IMPORT.matcher(Files.readString(file)).find()).as("%s imports com.ccabot.Application", file)
                            .isFalse();
                }
            }
        }
    }

    private static Map<String, Set<String>> dependencies() throws IOException {
        Map<String, Set<String>> uses = new HashMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = SOURCES.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue; // the root package wires everything: it may use every stage
                }
                String from = relative.getName(0).toString();
                Matcher matcher = IMPORT.matcher(Files.readString(file));
                while (matcher.find()) {
                    if (!matcher.group(1).equals(from)) {
                        uses.computeIfAbsent(from, k -> new TreeSet<>()).add(matcher.group(1));
                    }
                }
            }
        }
        return uses;
    }

    private static Set<String> reachable(Map<String, Set<String>> uses, String from) {
        Set<String> seen = new HashSet<>();
        List<String> todo = new ArrayList<>(uses.getOrDefault(from, Set.of()));
        while (!todo.isEmpty()) {
            String next = todo.remove(todo.size() - 1);
            if (seen.add(next)) {
                todo.addAll(uses.getOrDefault(next, Set.of()));
            }
        }
        return seen;
    }
}
