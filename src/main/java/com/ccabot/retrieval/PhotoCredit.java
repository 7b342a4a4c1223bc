package com.ccabot.retrieval;

import java.util.regex.Pattern;

/** The credit a photo caption ends with, "(Xinhua/Yin Bogu)": the agency or outlet, a slash, the photographer. */
public final class PhotoCredit {

    private static final Pattern CREDIT = Pattern.compile("\\s*\\([^()]{0,80}/[^()]{0,80}\\)\\s*$");

    private PhotoCredit() {}

    /** Whether a sentence ends with a photo credit, and so is a caption. */
    public static boolean endsIn(String sentence) {
        return CREDIT.matcher(sentence).find();
    }

    /** The sentence without its trailing photo credit; as it is when it has none. */
    public static String removedFrom(String sentence) {
        return CREDIT.matcher(sentence).replaceAll("");
    }
}
