package com.ccabot.bench;

import java.util.List;
import java.util.Map;

/**
 * What a synthetic article is about: templates for its title, its first sentence and its other sentences, and
 * words of its own. A template names slots in braces, {@code {partnerCity}}, filled by {@link Slots}; a topic's own
 * words are chosen once per article, so that an article speaks of one plant or one team throughout.
 *
 * @param cooperation whether it is news of China–Central Asia cooperation, or unrelated news
 */
record NewsTopic(String name, boolean cooperation, List<String> titles, List<String> leads, List<String> sentences,
                 Map<String, List<String>> words) {

    NewsTopic {
        if (titles.isEmpty() || leads.isEmpty() || sentences.size() < 8) {
            throw new IllegalArgumentException(name + ": a topic needs titles, leads and at least 8 sentences");
        }
        titles = List.copyOf(titles);
        leads = List.copyOf(leads);
        sentences = List.copyOf(sentences);
        words = Map.copyOf(words);
    }
}
