package com.ccabot.retrieval;

import com.ccabot.index.Indexer;
import com.ccabot.index.KnowledgeIndex;
import com.ccabot.index.MiniLmEmbeddingModel;
import com.ccabot.knowledge.ArticleLoader;
import com.ccabot.knowledge.Chunker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Executors;

/** Articles a test writes itself, indexed in memory, and the shipped models' retriever over them. */
public final class OwnArticles {

    private OwnArticles() {}

    /** Writes the articles (file name → text) into a folder under {@code work} and indexes them in chunks of 200 characters. */
    public static KnowledgeIndex indexed(Path work, Map<String, String> articles) throws IOException {
        return indexed(work, articles, 200);
    }

    /** Writes the articles (file name → text) into a folder under {@code work} and indexes them in chunks of {@code chunkSize}. */
    public static KnowledgeIndex indexed(Path work, Map<String, String> articles, int chunkSize) throws IOException {
        Path knowledge = Files.createDirectories(work.resolve("knowledge"));
        for (Map.Entry<String, String> article : articles.entrySet()) {
            Files.writeString(knowledge.resolve(article.getKey()), article.getValue());
        }
        MiniLmEmbeddingModel model = MiniLmEmbeddingModel.load(Path.of("target/test-cache"), Executors.newFixedThreadPool(2));
        return new Indexer(model, MiniLmEmbeddingModel.MODEL_ID, new Chunker(chunkSize), null).index(new ArticleLoader().load(knowledge));
    }

    /** An article's file text: front matter with its title and date (from the "Test Wire"), then its text. */
    public static String article(String title, String date, String text) {
        return "---\ntitle: " + title + "\ndate: " + date + "\nsource: Test Wire\n---\n" + text + "\n";
    }

    /** The retriever the bot answers with, on the shipped models, over an index. */
    public static HybridRetriever retriever(KnowledgeIndex index) {
        return new HybridRetriever(index, RankFusion.RRF, AnswerModels.shipped().ranker(), AnswerModels.shipped().gate(), 6);
    }
}
