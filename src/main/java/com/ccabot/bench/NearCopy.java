package com.ccabot.bench;

import com.ccabot.knowledge.Article;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites a real article into a near-copy that competes with it for the same questions: either another outlet's
 * version of the same event (the same paragraphs, reworded here and there, one or two of them with a different
 * figure, a reworded title) or a follow-up report months later (a few of its paragraphs with other figures and
 * dates under a new lead and title). A near-copy is always dated after its original, so the original is the
 * first report of its event.
 */
final class NearCopy {

    /** The date of the articles that give none (the shipped interview was published around the second summit). */
    private static final LocalDate UNDATED = LocalDate.of(2025, 6, 18);
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.,:/-])\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?(?![\\w:/-]|[.,]\\d)"
            + "|(?<![\\w.,:/-])\\d+(?:\\.\\d+)?(?![\\w:/-]|[.,]\\d)");
    private static final Pattern MONTH_DAY = Pattern.compile("\\b(January|February|March|April|May|June|July|August"
            + "|September|October|November|December) (\\d{1,2})\\b");
    /** Words another outlet might use instead, each taken with even odds where it stands. */
    private static final List<String[]> REWORDING = List.of(
            new String[] {"established", "set up"}, new String[] {"officially", "formally"},
            new String[] {"said", "stated"}, new String[] {"noted", "observed"},
            new String[] {"meeting", "gathering"}, new String[] {"promote", "advance"},
            new String[] {"important", "significant"}, new String[] {"signed", "concluded"},
            new String[] {"launched", "rolled out"}, new String[] {"inaugurated", "opened"},
            new String[] {"countries", "nations"}, new String[] {"enterprises", "companies"},
            new String[] {"more than", "over"}, new String[] {"about", "around"}, new String[] {"major", "key"},
            new String[] {"announced", "unveiled"}, new String[] {"attended", "took part in"});
    private static final List<String> FOLLOW_UP_TITLES = List.of("Follow-up: %s", "Update: %s",
            "%s: what has happened since", "Months on, a look back: %s");
    private static final List<String> FOLLOW_UP_LEADS = List.of(
            "{elapsed} after the events first reported on {then}, organizers released updated figures, the {outlet} has learned.",
            "This follow-up report revisits a story first published on {then}; several figures have changed since.",
            "{elapsed} on, officials gave new numbers for the events reported on {then}.");

    private NearCopy() {}

    /**
     * Another outlet's version of the same event, published one to three days after it (the original is always the
     * first report), or undated like an undated original.
     */
    static SyntheticArticle otherOutlet(Article real, SplittableRandom random) {
        LocalDate date = real.date() == null ? null : real.date().plusDays(1 + random.nextInt(3));
        List<String> paragraphs = new ArrayList<>();
        for (String paragraph : paragraphsOf(real)) {
            if (paragraphs.isEmpty() || random.nextDouble() > 0.15) {
                paragraphs.add(reworded(paragraph, random));
            }
        }
        int changes = 1 + random.nextInt(2);
        for (int i = 0; i < changes; i++) {
            int at = random.nextInt(paragraphs.size());
            paragraphs.set(at, otherFigures(paragraphs.get(at), 0, random));
        }
        String outlet = Vocabulary.OUTLETS.get(random.nextInt(Vocabulary.OUTLETS.size()));
        String title = NewsWriter.capitalised(reworded(real.title(), random));
        return new SyntheticArticle(title, date, outlet, null, paragraphs);
    }

    /** A follow-up report, one to fourteen months later (sooner for the latest articles), quoting a few of its paragraphs with other figures and dates. */
    static SyntheticArticle followUp(Article real, SplittableRandom random) {
        LocalDate then = dateOf(real);
        // within the corpus's years where the real article leaves room, so that no report comes from the future
        long room = Math.max(0, Math.min(400, ChronoUnit.DAYS.between(then, NewsWriter.LAST_DATE) - 30));
        LocalDate date = then.plusDays(30 + random.nextLong(room + 1));
        Slots slots = new Slots(random, Map.of(), date);
        String outlet = slots.pick(Vocabulary.OUTLETS);
        long months = ChronoUnit.MONTHS.between(then, date);
        slots.bind("outlet", outlet);
        slots.bind("then", Slots.monthDay(then) + ", " + then.getYear());
        slots.bind("elapsed", months <= 1 ? "A month" : months < 12 ? capitalisedNumber(months) + " months" : "A year");
        List<String> paragraphs = new ArrayList<>(List.of(slots.fill(slots.pick(FOLLOW_UP_LEADS))));
        List<String> original = paragraphsOf(real);
        int count = Math.min(original.size(), 2 + random.nextInt(3));
        int start = random.nextInt(original.size() - count + 1);
        long shift = ChronoUnit.DAYS.between(then, date);
        for (String paragraph : original.subList(start, start + count)) {
            paragraphs.add(otherFigures(paragraph, shift, random));
        }
        String title = String.format(Locale.ROOT, slots.pick(FOLLOW_UP_TITLES), otherFigures(real.title(), 0, random));
        return new SyntheticArticle(NewsWriter.capitalised(title), date, outlet, null, paragraphs);
    }

    private static LocalDate dateOf(Article real) {
        return real.date() != null ? real.date() : UNDATED;
    }

    private static List<String> paragraphsOf(Article real) {
        return Arrays.stream(real.text().split("\n")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    private static String reworded(String text, SplittableRandom random) {
        String result = text;
        for (String[] pair : REWORDING) {
            Matcher word = Pattern.compile("\\b" + Pattern.quote(pair[0]) + "\\b").matcher(result);
            StringBuilder out = new StringBuilder();
            while (word.find()) {
                word.appendReplacement(out, random.nextBoolean() ? pair[1] : pair[0]);
            }
            word.appendTail(out);
            result = out.toString();
        }
        return result;
    }

    /**
     * The text with every figure but years changed by a third or so either way, keeping its form ("4,500",
     * "8.9"), and every "Month day" moved {@code shiftDays} on (when not zero).
     */
    static String otherFigures(String text, long shiftDays, SplittableRandom random) {
        Matcher number = NUMBER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (number.find()) {
            number.appendReplacement(out, Matcher.quoteReplacement(otherFigure(number.group(), random)));
        }
        number.appendTail(out);
        if (shiftDays == 0) {
            return out.toString();
        }
        Matcher day = MONTH_DAY.matcher(out.toString());
        StringBuilder moved = new StringBuilder();
        while (day.find()) {
            LocalDate original = monthDay(day.group(1), day.group(2));
            day.appendReplacement(moved, original == null ? day.group() : Slots.monthDay(original.plusDays(shiftDays)));
        }
        day.appendTail(moved);
        return moved.toString();
    }

    private static String otherFigure(String figure, SplittableRandom random) {
        boolean grouped = figure.contains(",");
        String plain = figure.replace(",", "");
        int dot = plain.indexOf('.');
        int decimals = dot < 0 ? 0 : plain.length() - dot - 1;
        if (!grouped && decimals == 0 && plain.length() == 4) {
            return figure; // a year, or a code such as the "1231" project
        }
        double value = Double.parseDouble(plain);
        double factor = random.nextBoolean() ? 1.1 + random.nextDouble() * 0.5 : 0.6 + random.nextDouble() * 0.3;
        double changed = value * factor;
        String result = String.format(Locale.ROOT, grouped ? "%,." + decimals + "f" : "%." + decimals + "f", changed);
        if (result.equals(figure)) {
            result = String.format(Locale.ROOT, grouped ? "%,." + decimals + "f" : "%." + decimals + "f", value + 1);
        }
        return result;
    }

    private static LocalDate monthDay(String month, String day) {
        try {
            int m = Arrays.asList("January", "February", "March", "April", "May", "June", "July", "August",
                    "September", "October", "November", "December").indexOf(month) + 1;
            return LocalDate.of(2024, m, Integer.parseInt(day)); // a leap year, so that February 29 is a day
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static String capitalisedNumber(long n) {
        String[] words = {"Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten",
                "Eleven", "Twelve"};
        return n < words.length ? words[(int) n] : Long.toString(n);
    }
}
