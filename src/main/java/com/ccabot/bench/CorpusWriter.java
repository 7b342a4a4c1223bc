package com.ccabot.bench;

import com.ccabot.bench.SyntheticCorpus.Entry;
import com.ccabot.bench.SyntheticCorpus.Kind;
import com.ccabot.knowledge.Article;
import com.ccabot.knowledge.ArticleLoader;
import com.ccabot.knowledge.Chunker;
import com.ccabot.knowledge.KnowledgeException;
import com.ccabot.knowledge.LoadedKnowledge;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Writes the files of a {@link SyntheticCorpus}: copies the real articles, then generates articles until the
 * chunks, counted as the loader and the chunker will count them, reach the recipe's number. Every 25th generated
 * article is a near-copy of a real one (the real ones in turn, another outlet's version and a follow-up
 * alternately); of the others, three in ten are unrelated news and the rest news of cooperation.
 */
final class CorpusWriter {

    /** Changes whenever the generator writes different files for the same recipe, so old corpora are not reused. */
    static final int VERSION = 2;
    static final int NEAR_COPY_EVERY = 25;
    static final double UNRELATED_SHARE = 0.3;

    private final SyntheticCorpus.Recipe recipe;
    private final Path realArticles;
    private final ArticleLoader loader = new ArticleLoader();
    private final Chunker chunker;

    CorpusWriter(SyntheticCorpus.Recipe recipe, Path realArticles) {
        this.recipe = recipe;
        this.realArticles = realArticles;
        this.chunker = new Chunker(recipe.chunkSize());
    }

    /** The manifest's first line: the recipe, the generator's version and a hash of the real articles. */
    String header() throws IOException {
        return "# cca-bot synthetic corpus v" + VERSION + "\tchunks=" + recipe.chunks() + "\tseed=" + recipe.seed()
                + "\tchunk-size=" + recipe.chunkSize() + "\treal=" + realHash();
    }

    /** Writes every file and the manifest into {@code dir}, an empty folder. */
    List<Entry> write(Path dir) throws IOException {
        LoadedKnowledge real = loader.load(realArticles);
        Map<String, Path> files = loader.files(realArticles);
        List<Entry> entries = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int total = 0;
        for (Article article : real.articles()) {
            Path target = dir.resolve(article.file());
            Files.createDirectories(target.getParent());
            Files.copy(files.get(article.file()), target);
            int chunks = chunker.chunk(article).size();
            entries.add(new Entry(article.file(), Kind.REAL, chunks, ""));
            names.add(article.file());
            total += chunks;
        }
        if (total > recipe.chunks()) {
            throw new IllegalArgumentException("the real articles in " + realArticles + " alone make " + total
                    + " chunks, more than the " + recipe.chunks() + " asked for");
        }
        SplittableRandom seeds = new SplittableRandom(recipe.seed());
        for (int i = 0; total < recipe.chunks(); i++) {
            SplittableRandom random = seeds.split();
            Entry entry = writeOne(i, random, real.articles(), names, dir);
            entries.add(entry);
            total += entry.chunks();
        }
        List<String> manifest = new ArrayList<>(List.of(header()));
        entries.forEach(entry -> manifest.add(SyntheticCorpus.manifestLine(entry)));
        Files.write(dir.resolve(SyntheticCorpus.MANIFEST), manifest, StandardCharsets.UTF_8);
        return entries;
    }

    private Entry writeOne(int i, SplittableRandom random, List<Article> real, Set<String> names, Path dir)
            throws IOException {
        Kind kind;
        SyntheticArticle article;
        String copyOf = "";
        if (i % NEAR_COPY_EVERY == 1) {
            int copy = i / NEAR_COPY_EVERY;
            Article source = real.get(copy % real.size());
            kind = Kind.NEAR_COPY;
            copyOf = source.file();
            article = copy % 2 == 0 ? NearCopy.otherOutlet(source, random) : NearCopy.followUp(source, random);
        } else if (random.nextDouble() < UNRELATED_SHARE) {
            kind = Kind.UNRELATED;
            article = NewsWriter.write(pick(NewsTopics.UNRELATED, random), random);
        } else {
            kind = Kind.COOPERATION;
            article = NewsWriter.write(pick(NewsTopics.COOPERATION, random), random);
        }
        String file = unique(article.fileName(), names);
        byte[] bytes = article.markdown(file).getBytes(StandardCharsets.UTF_8);
        int chunks;
        try {
            chunks = chunker.chunk(loader.parse(file, bytes)).size();
        } catch (KnowledgeException e) {
            throw new IllegalStateException("the generated article " + file + " does not load: " + e.getMessage(), e);
        }
        Files.write(dir.resolve(file), bytes);
        return new Entry(file, kind, chunks, copyOf);
    }

    /** The name, or with -2, -3… before its extension when another file has it. */
    private static String unique(String name, Set<String> names) {
        String candidate = name;
        for (int n = 2; !names.add(candidate); n++) {
            candidate = name.replaceAll("\\.md$", "-" + n + ".md");
        }
        return candidate;
    }

    private static <T> T pick(List<T> values, SplittableRandom random) {
        return values.get(random.nextInt(values.size()));
    }

    private String realHash() throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, Path> file : loader.files(realArticles).entrySet()) {
                sha.update(file.getKey().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(Files.readAllBytes(file.getValue()));
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
