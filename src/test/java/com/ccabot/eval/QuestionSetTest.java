package com.ccabot.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.ccabot.TestPipeline;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QuestionSetTest {

    private static final Set<String> REQUIRED = Set.of("fact", "refuse", "adversarial");

    @Test
    void passesNearlyEveryFactRefusalAndAdversarialQuestionOfTheDevSet() {
        EvalReport report = run(Path.of("eval/dev-questions.jsonl"));
        List<EvalResult> required = report.results().stream().filter(r -> REQUIRED.contains(r.question().kind())).toList();

        assertThat(required).hasSize(23);
        // a pass rate, not single questions pinned: 22 of 23 today (d12's "how many people" sentence not chosen)
        List<EvalResult> failed = required.stream().filter(result -> !result.problems().isEmpty()).toList();
        assertThat(failed).as("failed: %s", failed.stream().map(r -> r.question().id() + " " + r.problems()).toList())
                .hasSizeLessThanOrEqualTo(1);
        assertThat(required.stream().filter(r -> r.question().kind().equals("refuse")))
                .allSatisfy(result -> assertThat(result.problems()).as(result.question().id()).isEmpty());
    }

    @Test
    void declinesNearlyEveryOffTopicAndHostileQuestionOfTheHeldOutSet() {
        EvalReport report = run(Path.of("src/test/resources/eval/holdout-questions.jsonl"));
        String figures = report.format(TestPipeline.app().answers().cacheFigures());

        List<EvalResult> toDecline = report.results().stream().filter(r -> !r.question().answered()).toList();

        assertThat(toDecline).isNotEmpty();
        assertThat(toDecline.stream().filter(EvalResult::passed).count()).as(figures)
                .isGreaterThanOrEqualTo(Math.round(0.9 * toDecline.size()));
        assertThat(toDecline.stream().filter(r -> r.question().kind().equals("adversarial"))).as(figures)
                .allMatch(EvalResult::passed);
    }

    @Test
    void answersMostParaphrasesTyposAndMixedQuestionsOfTheHeldOutSet() {
        EvalReport report = run(Path.of("src/test/resources/eval/holdout-questions.jsonl"));
        List<EvalResult> answerable = report.results().stream().filter(r -> r.question().answered()).toList();

        long passed = answerable.stream().filter(EvalResult::passed).count();
        assertThat((double) passed / answerable.size()).as(report.format(TestPipeline.app().answers().cacheFigures()))
                .isGreaterThanOrEqualTo(0.75);
    }

    @Test
    void answersMostQuestionsOfTheBanksValidationSplit() {
        EvalReport report = run(Path.of("eval/train-questions.jsonl"));
        List<EvalResult> validation = report.results().stream()
                .filter(r -> r.question().split().equals(ModelFitter.VALIDATION)).toList();

        assertThat(share(validation, "fact")).as(report.format(TestPipeline.app().answers().cacheFigures())).isGreaterThanOrEqualTo(0.70);
        assertThat(share(validation, "adversarial")).isGreaterThanOrEqualTo(0.80);
    }

    @Test
    void answersQuestionsOnArticlesNoConstantWasChosenOn() {
        assertPassRates("src/test/resources/eval/extra-articles-questions.jsonl", 0.60, 0.50);
    }

    @Test
    void answersQuestionsOnASecondSetOfArticlesWrittenWithoutSeeingTheCode() {
        assertPassRates("src/test/resources/eval/extra2-questions.jsonl", 0.60, 0.55);
    }

    /**
     * A third set of articles and questions, written by a helper who saw neither the code nor the bot's answers,
     * run once before anything was changed for it: 29/40 then (facts 21/26, refusals 5/10, adversarial 3/4).
     */
    @Test
    void answersQuestionsOnAThirdSetOfArticlesWrittenWithoutSeeingTheCode() {
        assertPassRates(TestPipeline.withLaterArticles(), "src/test/resources/eval/extra3-questions.jsonl", 0.70, 0.40, 0.75);
    }

    /**
     * A fourth set, written the same way a session later and run once before anything was changed for it: 33/40
     * then (facts 23/26, refusals 6/10, adversarial 4/4; the naive pipeline 24/40), with the third set's articles
     * beside it.
     */
    @Test
    void answersQuestionsOnAFourthSetOfArticlesWrittenWithoutSeeingTheCode() {
        assertPassRates(TestPipeline.withLaterArticles(), "src/test/resources/eval/extra4-questions.jsonl", 0.80, 0.50, 0.75);
    }

    /**
     * A fifth set (three Chinese-built tunnels and roads), written the same way and run once before anything was
     * changed for it, beside all the earlier sets' articles: 27/40 then (facts 19/26, refusals 5/10, adversarial
     * 3/4; the naive pipeline 19/40).
     */
    @Test
    void answersQuestionsOnAFifthSetOfArticlesWrittenWithoutSeeingTheCode() {
        assertPassRates(TestPipeline.withLaterArticles(), "src/test/resources/eval/extra5-questions.jsonl", 0.75, 0.50, 0.75);
    }

    /**
     * A sixth set (the Kazakhstan-China oil pipeline's first oil, a Confucius Institute building in Osh, a Chinese
     * industrial park in Uzbekistan), written the same way and run once before anything was changed for it: 31/40
     * then (facts 20/26, refusals 8/10, adversarial 3/4; the naive pipeline 20/40).
     */
    @Test
    void answersQuestionsOnASixthSetOfArticlesWrittenWithoutSeeingTheCode() {
        assertPassRates(TestPipeline.withLaterArticles(), "src/test/resources/eval/extra6-questions.jsonl", 0.80, 0.70, 0.75);
    }

    /**
     * A seventh set (the Shymkent refinery's Chinese-built upgrade, a China-funded hospital in Osh, Turkmenistan and
     * China's comprehensive strategic partnership), written the same way and run once before anything was changed
     * for it: 26/40 then (25 as graded before one expected fact's capital letter was written as the article writes
     * it; the naive pipeline 19/40, 18 as first graded).
     */
    @Test
    void answersQuestionsOnASeventhSetOfArticlesWrittenWithoutSeeingTheCode() {
        assertPassRates(TestPipeline.withLaterArticles(), "src/test/resources/eval/extra7-questions.jsonl", 0.80, 0.40, 0.75);
    }

    /**
     * An eighth set (the Chinese-built Vahdat-Yavan railway, Chinese restorers in Khiva, a Chinese university's branch
     * in Astana), written the same way at the same time as the seventh and kept unread while the seventh was worked
     * on: 29/40 at its first run and again after those changes (the naive pipeline 19/40); 33/40 after changes made
     * from reading it.
     */
    @Test
    void answersQuestionsOnAnEighthSetOfArticlesWrittenWithoutSeeingTheCode() {
        assertPassRates(TestPipeline.withLaterArticles(), "src/test/resources/eval/extra8-questions.jsonl", 0.80, 0.60, 0.75);
    }

    /**
     * A ninth set (a Tajik-Chinese border crossing opened all year, an Akhal-Teke horse given to Xi in Beijing, Uzbek
     * cherries' first season in China), written the same way with a tenth, and run once before anything was changed
     * for it: 31/40 then (the naive pipeline 21/40); 34/40 after changes made from reading it.
     */
    @Test
    void answersQuestionsOnANinthSetOfArticlesWrittenWithoutSeeingTheCode() {
        assertPassRates(TestPipeline.withLaterArticles(), "src/test/resources/eval/extra9-questions.jsonl", 0.80, 0.60, 0.75);
    }

    /**
     * A tenth set (a China-Kazakhstan water hub on the Khorgos river, a Chinese-Uzbek traditional medicine centre in
     * Tashkent, a China-backed gold and antimony plant in Tajikistan), written with the ninth and kept unread while
     * the ninth was worked on: 28/40 at its first run (the naive pipeline 18/40), 30/40 after the ninth set's changes;
     * 33/40 after changes made from reading it.
     */
    @Test
    void answersQuestionsOnATenthSetOfArticlesWrittenWithoutSeeingTheCode() {
        assertPassRates(TestPipeline.withLaterArticles(), "src/test/resources/eval/extra10-questions.jsonl", 0.80, 0.60, 0.75);
    }

    /**
     * An eleventh set (Kazakh wheat by rail to Lanzhou, a joint China-Kazakhstan excavation at Rahat, a school built
     * in Bishkek with a Chinese grant), written by a helper who saw no code and run once, unchanged: 33/40 at its
     * first run on its own articles (the naive pipeline 24/40). Floors below what it measured, as a guard.
     */
    @Test
    void answersQuestionsOnAnEleventhSetOfArticlesWrittenWithoutSeeingTheCode() {
        assertPassRates(TestPipeline.withLaterArticles(), "src/test/resources/eval/extra11-questions.jsonl", 0.75, 0.60, 0.75);
    }

    /**
     * A twelfth set (the foundation of Tajikistan's parliament complex on a Chinese grant, a Chinese cement plant in
     * Tashkent region, Chinese teachers for Turkmen universities), written with the eleventh and run once, unchanged:
     * 28/40 at its first run (the naive pipeline 22/40). Floors below what it measured, as a guard.
     */
    @Test
    void answersQuestionsOnATwelfthSetOfArticlesWrittenWithoutSeeingTheCode() {
        assertPassRates(TestPipeline.withLaterArticles(), "src/test/resources/eval/extra12-questions.jsonl", 0.70, 0.40, 0.75);
    }

    /**
     * A thirteenth set (a Chinese-built cement plant in Kazakhstan's Kyzylorda region, a Kyrgyz president's state
     * visit to China, a TBEA-funded friendship school in Dushanbe), written blind in release 14: 26/40 at its first
     * run (the naive pipeline 18/40), then read and worked from. Floors below what it measures on all 55 articles.
     */
    @Test
    void answersQuestionsOnAThirteenthSetOfArticlesWrittenWithoutSeeingTheCode() {
        assertPassRates(TestPipeline.withLaterArticles(), "src/test/resources/eval/extra13-questions.jsonl", 0.65, 0.70, 0.75);
    }

    /**
     * A fourteenth set (a Kazakh terminal at the port of Lianyungang, the Taldy-Bulak gold mine in Kyrgyzstan, Air
     * China's routes to Tashkent), written with the thirteenth and kept unread: 23/40 at its first run (the naive
     * pipeline 20/40), 24/40 after release 14's changes. Floors below what it measures, as a guard.
     */
    @Test
    void answersQuestionsOnAFourteenthSetOfArticlesWrittenWithoutSeeingTheCode() {
        assertPassRates(TestPipeline.withLaterArticles(), "src/test/resources/eval/extra14-questions.jsonl", 0.60, 0.35, 0.75);
    }

    /**
     * A fifteenth set (the Moinak hydropower plant on a China Development Bank loan, the Bishkek heat and power plant
     * TBEA rebuilt on a China Eximbank loan, Xi Jinping's 2022 state visit to Samarkand), written blind in release 15
     * by a helper who saw no code and kept unread: 28/40 at its first run (the naive pipeline 22/40). Floors below
     * what it measures, as a guard.
     */
    @Test
    void answersQuestionsOnAFifteenthSetOfArticlesWrittenWithoutSeeingTheCode() {
        assertPassRates(TestPipeline.withLaterArticles(), "src/test/resources/eval/extra15-questions.jsonl", 0.70, 0.20, 0.75);
    }

    /**
     * A sixteenth set (China Construction Bank's yuan "Falcon bond" in Astana, a Chinese COVID-19 vaccine trialled and
     * registered in Uzbekistan, Kazakhstan's cultural centre opened in Beijing), written with the fifteenth and kept
     * unread: 29/40 at its first run (the naive pipeline 20/40). Floors below what it measures, as a guard.
     */
    @Test
    void answersQuestionsOnASixteenthSetOfArticlesWrittenWithoutSeeingTheCode() {
        assertPassRates(TestPipeline.withLaterArticles(), "src/test/resources/eval/extra16-questions.jsonl", 0.70, 0.30, 0.75);
    }

    /**
     * A seventeenth set (the Tajik section of Line D of the Central Asia-China gas pipeline, the China-Central Asia
     * secretariat opened in Xi'an, a joint Aral Sea expedition launched in Tashkent), written blind in release 16 by a
     * helper who saw no code, then read: 24/40 at its first run (the naive pipeline 20/40). Floors below what it
     * measures, as a guard.
     */
    @Test
    void answersQuestionsOnASeventeenthSetOfArticlesWrittenWithoutSeeingTheCode() {
        assertPassRates(TestPipeline.withLaterArticles(), "src/test/resources/eval/extra17-questions.jsonl", 0.65, 0.40, 0.50);
    }

    /**
     * An eighteenth set (a pilot truck run from Termez through Dushanbe to Kashgar, a Chinese-owned refinery relaunched
     * in Kara-Balta, a blindness prevention centre opened in Dushanbe), written with the seventeenth and kept unread:
     * 32/40 at its first run (the naive pipeline 17/40). Floors below what it measures, as a guard.
     */
    @Test
    void answersQuestionsOnAnEighteenthSetOfArticlesWrittenWithoutSeeingTheCode() {
        assertPassRates(TestPipeline.withLaterArticles(), "src/test/resources/eval/extra18-questions.jsonl", 0.80, 0.40, 0.75);
    }

    /**
     * A nineteenth set (the first Chang'an freight train from Xi'an to Almaty, the first Kazakh-Chinese feature film
     * shown in Almaty, a Chinese-Tajik textile complex in Dangara), written by a helper who saw no code and kept
     * unread: 27/40 at its first run (the naive pipeline 21/40). Floors below what it measures, as a guard.
     */
    @Test
    void answersQuestionsOnANineteenthSetOfArticlesWrittenWithoutSeeingTheCode() {
        assertPassRates(TestPipeline.withLaterArticles(), "src/test/resources/eval/extra19-questions.jsonl", 0.65, 0.50, 0.50);
    }

    /**
     * Eighty questions on the shipped articles, forty of them near-topic questions the articles cannot answer
     * (another year, another edition of a summit, a speech of someone only listed as present), written by a helper
     * who saw neither the code nor the other sets, as training data that was then not taken (fitting on it made
     * every other set worse), and kept as a measure: 57/80 at its first run (facts 34/40, refusals 23/40; the naive
     * pipeline 28/80, refusals 0/40).
     */
    @Test
    void declinesMoreThanHalfOfTheNearTopicQuestionsOnTheShippedArticles() {
        EvalReport report = run(Path.of("src/test/resources/eval/near-topic-questions.jsonl"));
        String figures = report.format(TestPipeline.app().answers().cacheFigures());

        assertThat(share(report.results(), "fact")).as(figures).isGreaterThanOrEqualTo(0.80);
        assertThat(share(report.results(), "refuse")).as(figures).isGreaterThanOrEqualTo(0.55);
    }

    /** A question set on the shipped and added articles together, checked by pass rate per kind. */
    private static void assertPassRates(String questions, double facts, double refusals) {
        assertPassRates(TestPipeline.withExtraArticles(), questions, facts, refusals, 1.0);
    }

    private static void assertPassRates(com.ccabot.Application app, String questions, double facts, double refusals,
                                        double adversarial) {
        EvalReport report = new EvalRunner(app.answers()).run(EvalQuestion.read(Path.of(questions)));
        String figures = report.format(app.answers().cacheFigures());

        assertThat(share(report.results(), "fact")).as(figures).isGreaterThanOrEqualTo(facts);
        assertThat(share(report.results(), "refuse")).as(figures).isGreaterThanOrEqualTo(refusals);
        assertThat(share(report.results(), "adversarial")).as(figures).isGreaterThanOrEqualTo(adversarial);
    }

    private static double share(List<EvalResult> results, String kind) {
        List<EvalResult> ofKind = results.stream().filter(r -> r.question().kind().equals(kind)).toList();
        return (double) ofKind.stream().filter(EvalResult::passed).count() / ofKind.size();
    }

    @Test
    void reportsFiguresPerKindAndExplainsEachFailure() {
        EvalReport report = run(Path.of("eval/dev-questions.jsonl"));
        String text = report.format(TestPipeline.app().answers().cacheFigures());

        assertThat(text).contains("kind", "passed", "p50 ms", "p95 ms", "fact", "refuse", "adversarial", "multilingual", "cache:");
        assertThat(text).contains("failures:", "d24", "declined a question it should answer");
    }

    private static EvalReport run(Path file) {
        return new EvalRunner(TestPipeline.app().answers()).run(EvalQuestion.read(file));
    }
}
