package com.ccabot.knowledge;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The metadata block at the top of a knowledge file, and the body that follows it.
 *
 * @param fields the used keys ({@code title}, {@code date}, {@code source}, {@code author},
 *               {@code url}, {@code lang}) with non-blank, trimmed values; empty without front matter
 * @param body   the text after the front matter, or the whole text when there is none
 */
record FrontMatter(Map<String, String> fields, String body) {

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    FrontMatter {
        fields = Map.copyOf(fields);
    }

    /** The value of {@code key}, or {@code null} when the front matter does not give one. */
    String get(String key) {
        return fields.get(key);
    }

    /** The {@code date} field, or {@code null}; a date that is not a real YYYY-MM-DD makes the file bad. */
    LocalDate date() {
        String value = fields.get("date");
        if (value == null) {
            return null;
        }
        if (!ISO_DATE.matcher(value).matches()) {
            throw new KnowledgeException("front matter: date '" + value + "' is not YYYY-MM-DD");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new KnowledgeException("front matter: date '" + value + "' is not a real date");
        }
    }
}
