package com.ccabot.answer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An LLM's reply, checked rather than trusted: citation markers that point to no passage given are removed, the
 * passages actually cited are listed in order, and a reply saying it does not know is recognised as such.
 */
record CitedReply(String text, List<Integer> cited, boolean unknown) {

    private static final Pattern MARKERS = Pattern.compile("\\s?\\[(\\d{1,3}(?:\\s*[,;]\\s*\\d{1,3})*)]");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,3}");
    private static final Pattern DONT_KNOW = Pattern.compile(
            "\\b(i don'?t know|i do not know|not (?:stated|mentioned|found|contained) in the passages"
                    + "|the passages do not|cannot find|can't find)\\b|не знаю|不知道|我不知道|bilmayman|білмеймін",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    CitedReply {
        cited = List.copyOf(cited);
    }

    /** Checks a reply against the number of passages the model was given (1 to {@code given}). */
    static CitedReply check(String reply, int given) {
        Set<Integer> cited = new LinkedHashSet<>();
        StringBuilder text = new StringBuilder();
        Matcher markers = MARKERS.matcher(reply.strip());
        while (markers.find()) {
            List<Integer> valid = new ArrayList<>();
            Matcher number = NUMBER.matcher(markers.group(1));
            while (number.find()) {
                int n = Integer.parseInt(number.group());
                if (n >= 1 && n <= given) {
                    valid.add(n);
                }
            }
            cited.addAll(valid);
            StringBuilder kept = new StringBuilder();
            valid.stream().distinct().forEach(n -> kept.append(" [").append(n).append(']'));
            markers.appendReplacement(text, Matcher.quoteReplacement(kept.toString()));
        }
        markers.appendTail(text);
        String checked = text.toString().replaceAll("[ \\t]{2,}", " ").strip();
        boolean unknown = DONT_KNOW.matcher(checked.toLowerCase(Locale.ROOT)).find() && cited.isEmpty()
                || checked.length() < 40 && DONT_KNOW.matcher(checked).find();
        return new CitedReply(checked, new ArrayList<>(cited), unknown);
    }
}
