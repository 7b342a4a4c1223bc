package com.ccabot.knowledge;

/**
 * A kind of knowledge file — Markdown or plain text, an HTML page, a PDF — read into an {@link Article}.
 *
 * <p>The loader picks one by the file's extension; the downloader by what the server says it sent.
 */
interface ArticleFormat {

    /**
     * Reads one file.
     *
     * @param file    its path relative to the knowledge folder, with {@code /} separators: what citations name,
     *                and where the title and date of last resort come from
     * @param content its bytes
     * @throws KnowledgeException with the reason, in words a user can act on, when it holds no usable article
     */
    Article read(String file, byte[] content);
}
