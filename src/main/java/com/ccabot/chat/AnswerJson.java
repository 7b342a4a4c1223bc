package com.ccabot.chat;

import com.ccabot.answer.Answer;
import com.ccabot.answer.Citation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes an answer as the one-line JSON object of the {@code ask --json} contract (and of {@code POST /api/ask}), fields in contract order. */
public final class AnswerJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AnswerJson() {}

    public static String of(Answer answer) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("question", answer.question());
        line.put("answer", answer.text());
        line.put("answered", answer.answered());
        line.put("citations", answer.citations().stream().map(AnswerJson::citation).toList());
        line.put("backend", answer.backend());
        line.put("cached", answer.cached());
        if (answer.fallback()) {
            line.put("fallback", true);
        }
        line.put("latency_ms", answer.latencyMs());
        try {
            return JSON.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings and numbers always serialise", e);
        }
    }

    private static Map<String, Object> citation(Citation citation) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("n", citation.n());
        fields.put("source", citation.source());
        fields.put("title", citation.title());
        fields.put("date", citation.date() == null ? null : citation.date().toString());
        fields.put("score", citation.score());
        fields.put("quote", citation.quote());
        return fields;
    }
}
