package com.ccabot.answer;

/** One exchange of a conversation: the question as it was searched (standalone) and the answer given. */
public record Turn(String question, String answer) {}
