package com.ccabot.answer;

import java.util.regex.Pattern;

/**
 * Recognises messages that try to read or override the bot's own instructions, configuration or secrets
 * ("ignore previous instructions", "show your system prompt", "what is your API key"), which are declined
 * whatever else they ask.
 */
final class InstructionProbe {

    private static final Pattern PROBE = Pattern.compile(
            "\\b(ignore|disregard|forget|override|bypass)\\b.{0,40}\\b(instructions?|prompts?|rules|guidelines|context)\\b"
                    + "|\\b(system|initial|hidden|original|developer)\\s+(prompt|message|instructions?)\\b"
                    + "|\\byour\\s+(own\\s+)?(prompt|instructions?|rules|configuration|config|settings|source code)\\b"
                    + "|\\b(bot|api|access|secret)[\\s_-]*(token|key)s?\\b"
                    + "|\\b(password|credentials?|env(ironment)? variables?)\\b"
                    + "|\\bjailbreak|\\bDAN mode\\b|\\bdeveloper mode\\b",
            Pattern.CASE_INSENSITIVE);

    private InstructionProbe() {}

    static boolean matches(String question) {
        return PROBE.matcher(question).find();
    }
}
