package com.ccabot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuestionScriptTest {

    @Test
    void tellsTheScriptMostLettersAreWrittenIn() {
        assertThat(QuestionScript.of("Where was the summit?")).isEqualTo(QuestionScript.LATIN);
        assertThat(QuestionScript.of("Где прошёл саммит в Astana?")).isEqualTo(QuestionScript.CYRILLIC);
        assertThat(QuestionScript.of("中国—中亚峰会在哪里举行？")).isEqualTo(QuestionScript.HAN);
        assertThat(QuestionScript.of("أين عقدت القمة؟")).isEqualTo(QuestionScript.OTHER);
        assertThat(QuestionScript.of("12345 ?!")).isEqualTo(QuestionScript.LATIN);
    }
}
