package com.ccabot.retrieval;

import java.util.List;
import java.util.Set;

/**
 * A sentence of a retrieved passage, with the sentences around it, scored as the place an answer would come from:
 * {@code score} is the sentence-choice model's probability that it answers the question, {@code features} the
 * values that probability was computed from (in the order of {@link EvidenceRanker#FEATURES}).
 *
 * @param sentence its number among its article's sentences
 * @param before   the sentence before it in the article, or an empty string
 * @param after    the sentence after it, or an empty string
 * @param window   the analysed terms of the sentence, its neighbours and its article's title
 * @param subject  the analysed terms of its article's lead, which names what the whole report is about
 */
public record Evidence(Passage passage, int sentence, String text, String before, String after, Set<String> window,
                       Set<String> subject, double[] features, double score) {

    public Evidence {
        window = Set.copyOf(window);
        subject = Set.copyOf(subject);
        features = features.clone();
    }

    /**
     * Whether a term names what the window is about: it is in the window, or in its article's lead, which names the
     * report's subject for every sentence after it ("Tolqin" for "its main product is float glass" far below "a glass
     * works … opened in Tolqin district").
     */
    public boolean about(String term) {
        return window.contains(term) || subject.contains(term);
    }

    /** The text of its window: the sentence before, it, and the sentence after. */
    public String windowText() {
        return before + " " + text + " " + after;
    }

    /** The sentences of its window, in the article's order: the one before (or ""), it, the one after (or ""). */
    public List<String> sentences() {
        return List.of(before, text, after);
    }

    /** Whether it reads as a continuation of the sentence before ("He said…", "These include…"). */
    public boolean leansBack() {
        return feature("leans_back") > 0 && !before.isEmpty();
    }

    /**
     * Whether it is shown with the sentence before: it leans on that one, or it lacks the kind of fact the question
     * asks for and that one holds it ("A fund for mobile clinics was launched at the gathering." after "On April 5
     * the herders' union gathered in Termez.").
     */
    public boolean needsBefore() {
        return !before.isEmpty() && (leansBack() || feature("type_before") > 0);
    }

    /**
     * Whether it is shown with the sentence after: it lacks the kind of fact the question asks for and that one holds
     * it ("The mayors of three towns opened the bridge." before "Anna Berg, Tomas Lind and Olga Sand cut the
     * ribbon."), and it does not lean on the sentence before instead.
     */
    public boolean needsAfter() {
        return !after.isEmpty() && !needsBefore() && feature("type_after") > 0;
    }

    /** The value of one of {@link EvidenceRanker#FEATURES}. */
    public double feature(String name) {
        int index = EvidenceRanker.FEATURES.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("no sentence feature " + name);
        }
        return features[index];
    }

    @Override
    public double[] features() {
        return features.clone();
    }
}
