package com.ccabot.knowledge;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** The bytes of a knowledge file decoded as text: strict UTF-8, without BOM, with {@code \n} line ends. */
final class ArticleText {

    private static final Pattern LINE_END = Pattern.compile("\\r\\n?");
    private static final Pattern SPACES = Pattern.compile("(?U)\\s+");

    private ArticleText() {}

    /** Decodes {@code content}, or throws a {@link KnowledgeException} saying why it is not text. */
    static String decode(byte[] content) {
        for (byte b : content) {
            if (b == 0) {
                throw new KnowledgeException("binary, not text");
            }
        }
        String text;
        try {
            // Strict, so that a Latin-1 or UTF-16 file is reported instead of loaded as mojibake.
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new KnowledgeException("not valid UTF-8");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        // most files have no \r at all: not running the pattern over them is a tenth of reading a large folder
        return text.indexOf('\r') < 0 ? text : LINE_END.matcher(text).replaceAll("\n");
    }

    /** {@code text} on one line: every run of white space, line breaks included, as one space; trimmed. */
    static String oneLine(String text) {
        return SPACES.matcher(text).replaceAll(" ").strip();
    }
}
