package com.ccabot.bench;

import com.ccabot.bench.Vocabulary.Country;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a synthetic news article on a topic: binds its people, places and date, fills a title, a first sentence
 * and a dozen or more of the topic's and the shared sentences, and groups them into paragraphs, with now and then a
 * dateline, a photo caption or an editor's line as real articles carry them.
 */
final class NewsWriter {

    static final LocalDate FIRST_DATE = LocalDate.of(2013, 1, 1);
    static final LocalDate LAST_DATE = LocalDate.of(2025, 12, 31);
    private static final int MIN_SENTENCES = 14;
    private static final int MAX_SENTENCES = 30;
    private static final double TOPIC_SHARE = 0.6;

    private NewsWriter() {}

    static SyntheticArticle write(NewsTopic topic, SplittableRandom random) {
        LocalDate date = FIRST_DATE.plusDays(random.nextLong(LAST_DATE.toEpochDay() - FIRST_DATE.toEpochDay() + 1));
        Slots slots = new Slots(random, topic.words(), date);
        String outlet = topic.cooperation() || random.nextDouble() < 0.3 ? slots.pick(Vocabulary.OUTLETS)
                : slots.pick(Vocabulary.WORLD_OUTLETS);
        slots.bind("outlet", outlet);
        String city = topic.cooperation() ? cooperationPeople(slots, random) : unrelatedPeople(slots, random);

        List<String> sentences = new ArrayList<>();
        String lead = slots.fill(slots.pick(topic.leads()));
        if (topic.cooperation() && random.nextBoolean()) {
            lead = city.toUpperCase(Locale.ROOT) + ", " + Slots.monthDay(date.minusDays(random.nextInt(2))) + " ("
                    + outlet + ") -- " + lead;
        }
        sentences.add(lead);
        List<String> own = shuffled(topic.sentences(), random);
        List<String> shared = shuffled(topic.cooperation() ? NewsTopics.COOPERATION_SENTENCES
                : NewsTopics.UNRELATED_SENTENCES, random);
        int wanted = MIN_SENTENCES + random.nextInt(MAX_SENTENCES - MIN_SENTENCES + 1);
        while (sentences.size() < wanted && !(own.isEmpty() && shared.isEmpty())) {
            boolean fromTopic = shared.isEmpty() || (!own.isEmpty() && random.nextDouble() < TOPIC_SHARE);
            sentences.add(capitalised(slots.fill((fromTopic ? own : shared).remove(0))));
        }

        List<String> paragraphs = paragraphs(sentences, random);
        if (topic.cooperation() && random.nextDouble() < 0.3) {
            paragraphs.add(1, slots.fill(slots.pick(NewsTopics.CAPTIONS)));
        }
        if (random.nextDouble() < 0.2) {
            paragraphs.add("(Editor: " + name(slots.pick(Vocabulary.CENTRAL_ASIA), slots) + ")");
        }
        String author = random.nextDouble() < 0.6 ? name(slots.pick(Vocabulary.CENTRAL_ASIA), slots) : null;
        String title = capitalised(slots.fill(slots.pick(topic.titles())));
        return new SyntheticArticle(title, date, outlet, author, paragraphs);
    }

    /** Binds the people and places of a cooperation story; returns the city it is told from. */
    private static String cooperationPeople(Slots slots, SplittableRandom random) {
        Country partner = slots.pick(Vocabulary.CENTRAL_ASIA);
        Country china = Vocabulary.CHINA;
        String partnerCity = slots.pick(partner.cities());
        String chinaCity = slots.pick(china.cities());
        String city = random.nextBoolean() ? partnerCity : chinaCity;
        slots.bind("partner", partner.name());
        slots.bind("partnerAdj", partner.adjective());
        slots.bind("partnerCity", partnerCity);
        slots.bind("chinaCity", chinaCity);
        slots.bind("city", city);
        bindPerson(slots, "", partner, slots.fill("{officialTitle} of the " + partner.adjective() + " {ministry}"));
        bindPerson(slots, "2", china, slots.fill(slots.pick(List.of("{officialTitle} of {company}",
                "an official of the " + chinaCity + " government", "{officialTitle} of the Chinese {ministry}"))));
        Country expertCountry = random.nextBoolean() ? partner : china;
        String expert = name(expertCountry, slots);
        slots.bind("expert", expert);
        slots.bind("expertSurname", surname(expert, expertCountry));
        return city;
    }

    /** Binds the people and places of unrelated news, now and then in a Central Asian or Chinese city. */
    private static String unrelatedPeople(Slots slots, SplittableRandom random) {
        Country local = random.nextDouble() < 0.2 ? slots.pick(random.nextBoolean() ? Vocabulary.CENTRAL_ASIA
                : List.of(Vocabulary.CHINA)) : null;
        String city = local != null ? slots.pick(local.cities()) : slots.pick(Vocabulary.WORLD_CITIES);
        String city2;
        do {
            city2 = slots.pick(Vocabulary.WORLD_CITIES);
        } while (city2.equals(city));
        slots.bind("city", city);
        slots.bind("city2", city2);
        for (String suffix : List.of("", "2")) {
            String person = local != null ? name(local, slots)
                    : slots.pick(Vocabulary.WORLD_GIVEN) + " " + slots.pick(Vocabulary.WORLD_SURNAMES);
            slots.bind("person" + suffix, person);
            slots.bind("surname" + suffix, local != null ? surname(person, local) : person.substring(person.indexOf(' ') + 1));
        }
        return city;
    }

    private static void bindPerson(Slots slots, String suffix, Country country, String role) {
        String person = name(country, slots);
        slots.bind("person" + suffix, person);
        slots.bind("surname" + suffix, surname(person, country));
        slots.bind("role" + suffix, role);
    }

    /** A made-up name in the country's order: surname first in China. */
    private static String name(Country country, Slots slots) {
        String given = slots.pick(country.givenNames());
        String surname = slots.pick(country.surnames());
        return country == Vocabulary.CHINA ? surname + " " + given : given + " " + surname;
    }

    private static String surname(String name, Country country) {
        return country == Vocabulary.CHINA ? name.substring(0, name.indexOf(' ')) : name.substring(name.indexOf(' ') + 1);
    }

    /** One to three sentences a paragraph, the first alone as news leads are. */
    private static List<String> paragraphs(List<String> sentences, SplittableRandom random) {
        List<String> paragraphs = new ArrayList<>(List.of(sentences.get(0)));
        for (int i = 1; i < sentences.size(); ) {
            int end = Math.min(sentences.size(), i + 1 + random.nextInt(3));
            paragraphs.add(String.join(" ", sentences.subList(i, end)));
            i = end;
        }
        return paragraphs;
    }

    private static List<String> shuffled(List<String> values, SplittableRandom random) {
        List<String> copy = new ArrayList<>(values);
        for (int i = copy.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            String swap = copy.get(i);
            copy.set(i, copy.get(j));
            copy.set(j, swap);
        }
        return copy;
    }

    static String capitalised(String text) {
        if (text.isEmpty()) {
            return text;
        }
        int first = text.charAt(0) == '"' && text.length() > 1 ? 1 : 0;
        return text.substring(0, first) + Character.toUpperCase(text.charAt(first)) + text.substring(first + 1);
    }
}
