package com.ccabot.retrieval;

import java.util.regex.Pattern;

/**
 * A question about an article itself rather than about what it reports: who took a picture, who wrote or edited the
 * story, when it was published. Its answer is in the lines that are not prose (a photo credit, a byline, a
 * dateline), which answers to every other question leave out.
 */
public final class MetaQuestion {

    private static final Pattern PICTURES = Pattern.compile("\\b(photo\\w*|pictures?|pics?|images?|credit(ed)?)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern AUTHORS = Pattern.compile(
            "\\b(wrote|written|writers?|authors?|authored|reporters?|reported by|bylines?|editors?|edited|publish\\w*|publication)\\b",
            Pattern.CASE_INSENSITIVE);

    private MetaQuestion() {}

    /** Whether a question is about a picture, answered by a caption and the credit it ends with. */
    public static boolean aboutPictures(String question) {
        return PICTURES.matcher(question).find();
    }

    /** Whether a question is about the article itself: its pictures, authors, editors or publication. */
    public static boolean aboutTheArticle(String question) {
        return aboutPictures(question) || AUTHORS.matcher(question).find();
    }
}
