package com.ccabot.answer;

import java.util.Optional;

/**
 * A message after the refusal stage: the question it really asks, or why it cannot be answered at all.
 *
 * @param question the question, without any orders to the bot wrapped around it
 * @param decline  the polite answer for a message that cannot be a question for this bot; empty otherwise
 */
public record Screened(String question, Optional<String> decline) {}
