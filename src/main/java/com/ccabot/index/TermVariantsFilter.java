package com.ccabot.index;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Replaces each lower-cased token by the form its variants share ({@link TermVariants}): "Kyrgyz" and "Kyrgyzstan",
 * "two centres" and "2 centers" become the same terms. A multiple of ten and the unit right after it, as in
 * "twenty-five" or "twenty first", become one token, "25" or "21st", spanning both words.
 */
final class TermVariantsFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    /** The token read after a multiple of ten that turned out not to be its unit, to be given next. */
    private State next;
    private boolean exhausted;

    TermVariantsFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (next != null) {
            restoreState(next);
            next = null;
        } else if (exhausted || !input.incrementToken()) {
            exhausted = true;
            return false;
        }
        String word = term.toString();
        if (TermVariants.startsNumber(word)) {
            State tens = captureState();
            int end = offset.endOffset();
            if (input.incrementToken()) {
                String number = TermVariants.number(word, term.toString());
                // one hyphen or space between: "twenty-five", not "twenty, five"
                if (number != null && position.getPositionIncrement() == 1 && offset.startOffset() - end <= 1) {
                    int numberEnd = offset.endOffset();
                    restoreState(tens);
                    term.setEmpty().append(number);
                    offset.setOffset(offset.startOffset(), numberEnd);
                    return true;
                }
                next = captureState();
            } else {
                exhausted = true;
            }
            restoreState(tens);
        }
        String canonical = TermVariants.canonical(word);
        if (!canonical.equals(word)) {
            term.setEmpty().append(canonical);
        }
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        next = null;
        exhausted = false;
    }
}
