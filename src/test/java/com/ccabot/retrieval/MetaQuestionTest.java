package com.ccabot.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MetaQuestionTest {

    @Test
    void tellsQuestionsAboutPicturesAndAuthorsFromQuestionsAboutEvents() {
        assertThat(MetaQuestion.aboutPictures("who took the pic of the dam opening")).isTrue();
        assertThat(MetaQuestion.aboutPictures("Who photographed the signing?")).isTrue();
        assertThat(MetaQuestion.aboutTheArticle("Who wrote the report on the railway?")).isTrue();
        assertThat(MetaQuestion.aboutTheArticle("which reporter covered the forum")).isTrue();
        assertThat(MetaQuestion.aboutTheArticle("ferry article publish time")).isTrue();
        assertThat(MetaQuestion.aboutPictures("Who wrote the report on the railway?")).isFalse();
        assertThat(MetaQuestion.aboutTheArticle("Who opened the railway and when?")).isFalse();
    }
}
