package com.ccabot.answer;

import com.ccabot.index.Indexer;
import com.ccabot.index.MiniLmEmbeddingModel;
import com.ccabot.knowledge.ArticleLoader;
import com.ccabot.knowledge.Chunker;
import com.ccabot.retrieval.AnswerModels;
import com.ccabot.retrieval.HybridRetriever;
import com.ccabot.retrieval.RankFusion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Executors;

/** The retriever the bot answers with, on the shipped models, over articles a test writes itself. */
final class OwnArticleRetriever {

    private OwnArticleRetriever() {}

    /** Writes the articles (file name → text) into a folder under {@code work} and indexes them in chunks of {@code chunkSize}. */
    static HybridRetriever over(Path work, Map<String, String> articles, int chunkSize) throws IOException {
        Path knowledge = Files.createDirectories(work.resolve("knowledge"));
        for (Map.Entry<String, String> article : articles.entrySet()) {
            Files.writeString(knowledge.resolve(article.getKey()), article.getValue());
        }
        MiniLmEmbeddingModel model = MiniLmEmbeddingModel.load(Path.of("target/test-cache"), Executors.newFixedThreadPool(2));
        return new HybridRetriever(new Indexer(model, MiniLmEmbeddingModel.MODEL_ID, new Chunker(chunkSize), null)
                .index(new ArticleLoader().load(knowledge)), RankFusion.RRF, AnswerModels.shipped().ranker(),
                AnswerModels.shipped().gate(), 6);
    }
}
