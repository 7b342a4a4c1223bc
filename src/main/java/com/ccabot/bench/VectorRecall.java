package com.ccabot.bench;

import com.ccabot.index.KnowledgeIndex;
import com.ccabot.index.KnowledgeIndex.VectorHit;
import com.ccabot.knowledge.Chunk;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Recall@k of an index's vector search against exact search: of the k chunks the index returns for a question,
 * the share that exact search over every chunk vector ranks among its k best. Ties at the k-th place count as
 * found, so that two chunks with the same vector cannot lower the figure.
 */
final class VectorRecall {

    private static final double TIE = 1e-6;

    private VectorRecall() {}

    /** The mean recall@k over the questions. */
    static double of(KnowledgeIndex index, List<String> questions, int k) {
        double sum = 0;
        for (String question : questions) {
            float[] query = index.embed(question);
            double floor = kthBest(index, query, k) - TIE;
            List<VectorHit> found = index.nearest(query, k);
            long right = found.stream().filter(hit -> index.similarity(hit.chunk(), query) >= floor).count();
            sum += (double) Math.min(right, k) / Math.min(k, index.chunks().size());
        }
        return sum / questions.size();
    }

    /** Exact search ({@link KnowledgeIndex#exactNearest}, every chunk compared): the k-th best cosine similarity. */
    static double kthBest(KnowledgeIndex index, float[] query, int k) {
        List<VectorHit> best = index.exactNearest(query, k);
        return best.isEmpty() ? Double.NEGATIVE_INFINITY : best.get(best.size() - 1).similarity();
    }

    /**
     * Questions made from the corpus's own sentences, chunks picked evenly with a seed: a run of a few to a dozen
     * words of a sentence under "What", "How many", "Who" or "Where", as a user asking about it might put it.
     */
    static List<String> questions(List<Chunk> chunks, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] openings = {"What ", "How many ", "Who ", "Where "};
        List<String> questions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Chunk chunk = chunks.get((int) ((long) i * chunks.size() / count));
            String[] words = chunk.sentences().get(random.nextInt(chunk.sentences().size())).split("\\s+");
            int length = Math.min(words.length, 4 + random.nextInt(9));
            int from = random.nextInt(words.length - length + 1);
            String run = String.join(" ", List.of(words).subList(from, from + length)).replaceAll("[\\p{Punct}&&[^'-]]+$", "");
            questions.add(openings[i % openings.length] + run.toLowerCase(Locale.ROOT) + "?");
        }
        return questions;
    }
}
