package com.ccabot.bench;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values of one synthetic article's template slots: what the article has bound (its people, places and
 * date), fresh numbers and dates at every use, a topic's own words chosen once, and the vocabulary's lists.
 */
final class Slots {

    private static final Pattern SLOT = Pattern.compile("\\{(\\w+)}");
    private static final int MAX_DEPTH = 4;
    /** Vocabulary lists whose first choice holds for the whole article: one company, one event. */
    private static final Set<String> ONCE = Set.of("company", "event", "institution");
    private static final List<String> ORDINALS = List.of("second", "third", "fourth", "fifth", "sixth", "seventh",
            "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth");

    private final SplittableRandom random;
    private final Map<String, List<String>> topicWords;
    private final Map<String, String> bound = new HashMap<>();
    private final int year;

    Slots(SplittableRandom random, Map<String, List<String>> topicWords, LocalDate date) {
        this.random = random;
        this.topicWords = topicWords;
        this.year = date.getYear();
        bind("year", Integer.toString(year));
        bind("monthday", monthDay(date));
        bind("weekday", date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
    }

    void bind(String name, String value) {
        bound.put(name, value);
    }

    /** The template with every slot filled; a value that holds slots is filled in turn. */
    String fill(String template) {
        return fill(template, 0);
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private String fill(String template, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalStateException("slots nest too deep in: " + template);
        }
        Matcher slot = SLOT.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (slot.find()) {
            slot.appendReplacement(filled, Matcher.quoteReplacement(fill(value(slot.group(1)), depth + 1)));
        }
        slot.appendTail(filled);
        return filled.toString();
    }

    private String value(String name) {
        String value = bound.get(name);
        if (value != null) {
            return value;
        }
        value = number(name);
        if (value != null) {
            return value;
        }
        List<String> own = topicWords.get(name);
        if (own != null || ONCE.contains(name)) {
            String chosen = fill(pick(own != null ? own : Vocabulary.WORDS.get(name)));
            bind(name, chosen);
            return chosen;
        }
        List<String> words = Vocabulary.WORDS.get(name);
        if (words == null) {
            throw new IllegalArgumentException("no value for the slot {" + name + "}");
        }
        return pick(words);
    }

    /** A fresh number or date for a numeric slot; null for any other slot. */
    private String number(String name) {
        return switch (name) {
            case "count" -> Integer.toString(between(2, 60));
            case "hundreds" -> Integer.toString(between(10, 99) * 10);
            case "thousands" -> grouped(between(12, 980) * 100L);
            case "percent" -> decimal(between(5, 480)) + " percent";
            case "money" -> money();
            case "prize" -> "$" + grouped(between(5, 200) * 500L);
            case "tonnes" -> random.nextBoolean() ? decimal(between(2, 99)) + " million tonnes"
                    : grouped(between(12, 980) * 100L) + " tonnes";
            case "km" -> Integer.toString(between(12, 2400));
            case "heat" -> Integer.toString(between(34, 47));
            case "minute" -> Integer.toString(between(2, 89));
            case "pastYear" -> Integer.toString(year - between(1, 6));
            case "futureYear" -> Integer.toString(year + between(1, 5));
            case "futureMonth" -> pick(Vocabulary.WORDS.get("month"));
            case "date" -> monthDay(LocalDate.of(year, 1, 1).plusDays(random.nextInt(365)));
            case "ordinal" -> pick(ORDINALS);
            case "quote" -> pick(NewsTopics.QUOTES);
            default -> null;
        };
    }

    private String money() {
        double kind = random.nextDouble();
        if (kind < 0.55) {
            return "$" + decimal(between(2, 450)) + " billion";
        }
        if (kind < 0.8) {
            return decimal(between(10, 900)) + " billion yuan";
        }
        return "$" + between(15, 950) + " million";
    }

    private int between(int from, int to) {
        return from + random.nextInt(to - from + 1);
    }

    /** Tenths as a decimal: 125 → "12.5". */
    private static String decimal(int tenths) {
        return tenths / 10 + "." + tenths % 10;
    }

    private static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String monthDay(LocalDate date) {
        return date.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + date.getDayOfMonth();
    }
}
