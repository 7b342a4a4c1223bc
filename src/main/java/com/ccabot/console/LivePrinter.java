package com.ccabot.console;

import com.ccabot.answer.Answer;
import com.ccabot.chat.AnswerText;
import java.util.function.Consumer;

/**
 * Prints a streaming answer as it is written, and then whatever completes it: the sources when the checked
 * answer is what was shown, or the checked answer in full when checking changed it (a marker removed, the
 * offline answer standing in).
 */
final class LivePrinter {

    private final Consumer<String> screen;
    private String shown = "";
    private boolean stopped;

    LivePrinter(Consumer<String> screen) {
        this.screen = screen;
    }

    /** Shows the text written so far: only what is new since the last call. */
    synchronized void show(String soFar) {
        if (!stopped && soFar.startsWith(shown)) {
            screen.accept(soFar.substring(shown.length()));
            shown = soFar;
        }
    }

    /**
     * Shows nothing more: the answer was abandoned and goes on in the background. Once this returns, no text of
     * it reaches the screen, so what the console prints next is not interleaved with it.
     */
    synchronized void stop() {
        stopped = true;
    }

    /** What is left to print once the answer is complete. */
    synchronized String finish(Answer answer) {
        if (shown.isEmpty()) {
            return AnswerText.of(answer);
        }
        String full = AnswerText.of(answer);
        if (full.startsWith(shown.strip()) && answer.text().equals(shown.strip())) {
            return full.substring(shown.strip().length());
        }
        return System.lineSeparator() + System.lineSeparator() + "Checked answer:" + System.lineSeparator() + full;
    }
}
