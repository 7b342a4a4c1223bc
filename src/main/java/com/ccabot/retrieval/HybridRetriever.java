package com.ccabot.retrieval;

import com.ccabot.index.KnowledgeIndex;
import com.ccabot.index.KnowledgeIndex.VectorHit;
import com.ccabot.index.LexicalIndex.Hit;
import com.ccabot.knowledge.Chunk;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the passages of the knowledge that best match a question by fusing a vector search (meaning) with a
 * BM25 search (exact names and numbers), then asks the relevance gate whether they answer it at all.
 */
public final class HybridRetriever {

    /** Each ranking offers this many candidates per passage wanted, so fusion has something to reorder. */
    private static final int CANDIDATES_PER_RESULT = 4;
    /** The vector search looks this many times further than its candidates, for the copies it passes over. */
    private static final int COPIES_PASSED = 4;

    private final KnowledgeIndex index;
    private final QuestionAnalyzer analyzer;
    private final RankFusion fusion;
    private final EvidenceRanker ranker;
    private final AnswerabilityGate gate;
    private final int topK;

    public HybridRetriever(KnowledgeIndex index, RankFusion fusion, EvidenceRanker ranker, AnswerabilityGate gate,
                           int topK) {
        if (topK < 1) {
            throw new IllegalArgumentException("top-k must be at least 1");
        }
        this.index = index;
        this.analyzer = new QuestionAnalyzer(index.analyzer(), index.lexical());
        this.fusion = fusion;
        this.ranker = ranker;
        this.gate = gate;
        this.topK = topK;
    }

    public KnowledgeIndex index() {
        return index;
    }

    /** Retrieves for a message, and for each of its questions when it asks several. */
    public Retrieval retrieve(String message) {
        List<String> questions = QuestionParts.of(message);
        if (questions.size() == 1) {
            return retrieveOne(message);
        }
        List<Retrieval> parts = questions.stream().map(this::retrieveOne).toList();
        Retrieval whole = retrieveOne(message);
        RelevanceVerdict verdict = parts.stream().map(Retrieval::verdict).filter(RelevanceVerdict::relevant)
                .findFirst().orElse(whole.verdict());
        return new Retrieval(message, whole.questionVector(), whole.terms(), interleaved(parts), whole.evidence(), verdict,
                index, parts, "");
    }

    /**
     * Retrieves for a follow-up ("and who unveiled them?"): the passages are found with the question before it,
     * the sentences are ranked for the follow-up's own words and meaning, and both the whole and the follow-up
     * alone must pass the gate, so an off-topic question stays declined inside a conversation.
     */
    public Retrieval retrieveFollowUp(String question, String previous) {
        Retrieval context = retrieveOne(previous + " " + question);
        AnalysedQuestion terms = analyzer.analyse(question);
        float[] vector = index.embed(terms.corrected());
        List<Evidence> ranked = ranker.rank(question, terms, vector, context.passages(), index);
        RelevanceVerdict own = terms.isEmpty() ? context.verdict() : gate.judge(terms, context.passages(), ranked, ranker, index);
        RelevanceVerdict verdict = context.relevant() ? own : context.verdict();
        return new Retrieval(question, vector, terms, context.passages(),
                AnswerabilityGate.countriesAndYearsFirst(terms, EvidenceRanker.inAnswerOrder(question, terms,
                        ranked, index.analyzer()), index),
                verdict, index, List.of(), "");
    }

    /**
     * The parts' passages, best of each part first, then second best, and so on, each chunk once: a backend that
     * reads the passages as a whole (an LLM) must see what every question of the message found.
     */
    private List<Passage> interleaved(List<Retrieval> parts) {
        Map<String, Passage> merged = new java.util.LinkedHashMap<>();
        for (int rank = 0; merged.size() < topK * parts.size(); rank++) {
            boolean any = false;
            for (Retrieval part : parts) {
                if (rank < part.passages().size()) {
                    any = true;
                    merged.putIfAbsent(part.passages().get(rank).chunk().id(), part.passages().get(rank));
                }
            }
            if (!any) {
                break;
            }
        }
        return List.copyOf(merged.values());
    }

    /**
     * The fused order with the best chunk of each ranking ({@code bests}) moved up to within its first {@code topK}: a
     * chunk that holds most words of the question but is far in meaning (or the reverse) ranks low in the other
     * ranking, and reciprocal rank fusion, which sees only ranks, would leave it out however far it leads its own.
     * The bests take the last places of the first {@code topK}; the chunks they displace follow them. Near-copies are
     * grouped after this ({@link NearCopies#preferFitting}), so a best that retells an article already among the
     * first is not shown twice and the copy that fits the question best stands for it.
     */
    static List<Integer> withEachBest(List<Integer> order, int topK, List<Integer> bests) {
        List<Integer> head = order.subList(0, Math.min(topK, order.size()));
        List<Integer> distinct = bests.stream().distinct().toList();
        // the others keep the places the bests leave; a best among the first keeps its own, even the last one
        int others = Math.max(0, topK - distinct.size());
        List<Integer> moved = new ArrayList<>();
        int kept = 0;
        for (int chunk : head) {
            if (distinct.contains(chunk)) {
                moved.add(chunk);
            } else if (kept < others) {
                moved.add(chunk);
                kept++;
            }
        }
        distinct.stream().filter(best -> !moved.contains(best)).forEach(moved::add);
        order.stream().filter(chunk -> !moved.contains(chunk)).forEach(moved::add);
        return moved;
    }

    /**
     * The best chunk of each ranking: the vector search's, and the lexical search's when it holds at least half of
     * the question's words (one rare word alone, "third" in "the third-largest city", does not make a chunk about
     * the question).
     */
    private List<Integer> bests(List<VectorHit> vector, List<Hit> lexical, AnalysedQuestion terms) {
        List<Integer> bests = new ArrayList<>();
        if (!vector.isEmpty()) {
            bests.add(vector.get(0).chunk());
        }
        if (!lexical.isEmpty() && holdsHalf(lexical.get(0).chunk(), terms)) {
            bests.add(lexical.get(0).chunk());
        }
        return bests;
    }

    /** Whether a chunk (its sentences and its article's title) holds at least half of the question's known words. */
    private boolean holdsHalf(int chunk, AnalysedQuestion terms) {
        Chunk held = index.chunks().get(chunk);
        Set<String> words = new HashSet<>(index.titleTerms(held.article()));
        held.sentences().forEach(sentence -> words.addAll(index.sentence(sentence).terms()));
        List<String> known = terms.knownTerms();
        return !known.isEmpty() && 2 * known.stream().filter(words::contains).count() >= known.size();
    }

    private Retrieval retrieveOne(String question) {
        AnalysedQuestion terms = analyzer.analyse(question);
        float[] vector = index.embed(terms.corrected());
        int candidates = topK * CANDIDATES_PER_RESULT;
        List<VectorHit> vectorHits = NearCopies.holdingReports(index.nearest(vector, candidates * COPIES_PASSED),
                candidates, index);
        List<Hit> lexicalHits = index.lexical().search(terms.knownTerms(), terms.corrections(), candidates);

        Map<Integer, Double> fused = fusion.fuse(vectorHits, lexicalHits);
        Map<Integer, Double> bm25 = new HashMap<>();
        lexicalHits.forEach(hit -> bm25.put(hit.chunk(), (double) hit.score()));
        double best = fused.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
        List<Integer> order = fused.entrySet().stream()
                .sorted(Map.Entry.<Integer, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .toList();
        List<Integer> fusedWithBests = withEachBest(order, topK, bests(vectorHits, lexicalHits, terms));
        List<Passage> passages = NearCopies.preferFitting(fusedWithBests, question, terms, index).stream()
                .limit(topK)
                .map(chunk -> new Passage(index.chunks().get(chunk), fused.get(chunk) / best,
                        index.similarity(chunk, vector), bm25.getOrDefault(chunk, 0.0)))
                .toList();
        AnalysedQuestion meant = MeaningMatches.of(terms, passages, index);
        List<Evidence> ranked = NearCopies.attributeSharedSentences(ranker.rank(question, meant, vector, passages, index),
                question, meant, index);
        return new Retrieval(question, vector, meant, passages,
                AnswerabilityGate.countriesAndYearsFirst(meant, EvidenceRanker.inAnswerOrder(question, meant,
                        ranked, index.analyzer()), index),
                AnswerabilityGate.standingAlone(meant, gate.judge(meant, passages, ranked, ranker, index)), index, List.of(), "");
    }
}
