package com.ccabot.eval;

import com.ccabot.config.ConfigException;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One question of an eval set ({@code answer_quotes}, the sentences that answer it, and {@code split}, train or
 * validation, are optional): the answer must contain one alternative of every group of {@code facts}, cite one
 * of {@code sources} (when any are listed), and answer or decline as {@code answered} says.
 */
public record EvalQuestion(String id, String kind, String question, List<List<String>> facts, List<String> sources,
                           boolean answered, @JsonProperty("answer_quotes") List<String> answerQuotes, String split) {

    public EvalQuestion {
        facts = facts == null ? List.of() : facts.stream().map(List::copyOf).toList();
        sources = sources == null ? List.of() : List.copyOf(sources);
        answerQuotes = answerQuotes == null ? List.of() : List.copyOf(answerQuotes);
        split = split == null ? "" : split;
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** Reads a JSON-lines question set; a bad line is an error naming the file and the line. */
    public static List<EvalQuestion> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("cannot read the question set " + file + ": " + e.getMessage());
        }
        List<EvalQuestion> questions = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                EvalQuestion question = JSON.readValue(lines.get(i), EvalQuestion.class);
                if (question.question() == null || question.kind() == null) {
                    throw new IOException("needs \"question\" and \"kind\"");
                }
                questions.add(question);
            } catch (IOException e) {
                throw new ConfigException(file + " line " + (i + 1) + " is not a question: " + e.getMessage().lines().findFirst().orElse(""));
            }
        }
        return questions;
    }
}
