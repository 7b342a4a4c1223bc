package com.ccabot.telegram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessageDraft;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * An answer shown while the model writes it: in a private chat as a native draft that grows (Bot API 9.5+), in
 * a group or topic as one message edited at most every 1.5 s. Updates are best effort — one skipped for the
 * chat's pace or a 429 only slows the display — and the end is always the same formatted, cited answer as
 * without streaming, split as usual.
 */
final class LiveReply {

    private static final Logger log = LoggerFactory.getLogger(LiveReply.class);
    private static final Duration DRAFT_INTERVAL = Duration.ofMillis(500);
    private static final Duration EDIT_INTERVAL = Duration.ofMillis(1500);

    private final SendQueue sender;
    private final ReplyTarget target;
    private final boolean draft;
    private final int draftId = ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE);
    private long lastUpdate;
    private Integer messageId;

    LiveReply(SendQueue sender, ReplyTarget target) {
        this.sender = sender;
        this.target = target;
        this.draft = target.replyTo() == null && target.chatId() > 0;
    }

    /** Shows the text written so far, if it is time for another update. */
    synchronized void update(String soFar) {
        long now = System.nanoTime();
        Duration interval = draft ? DRAFT_INTERVAL : EDIT_INTERVAL;
        if (soFar.isBlank() || lastUpdate != 0 && now - lastUpdate < interval.toNanos()) {
            return;
        }
        lastUpdate = now;
        String html = TelegramHtml.escape(shortened(soFar)) + " …";
        if (draft) {
            sender.tryCall(SendMessageDraft.builder().chatId(target.chatId()).draftId(draftId)
                    .messageThreadId(target.threadId()).text(html).parseMode(ParseMode.HTML).build(), target.chatId());
        } else if (messageId == null) {
            try {
                messageId = sender.send(target, List.of(html)).get(0);
            } catch (RuntimeException e) {
                log.debug("could not start a live reply: {}", e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else {
            sender.tryCall(edit(html), target.chatId());
        }
    }

    /** Shows the final answer: sent as messages after a draft, or as the last edit (then the rest) in a group. */
    synchronized List<Integer> finish(String html) throws InterruptedException {
        List<String> parts = MessageSplitter.split(html, MessageSplitter.TELEGRAM_LIMIT);
        if (draft || messageId == null) {
            return sender.send(target, parts);
        }
        List<Integer> ids = new ArrayList<>(List.of(messageId));
        try {
            sender.call(edit(parts.get(0)), target.chatId());
        } catch (TelegramApiRequestException e) {
            if (!String.valueOf(e.getApiResponse()).contains("message is not modified")) {
                log.warn("could not show the final answer in place ({}); sending it anew", e.getMessage());
                return sender.send(target, parts);
            }
        } catch (TelegramApiException e) {
            log.warn("could not show the final answer in place ({}); sending it anew", e.getMessage());
            return sender.send(target, parts);
        }
        if (parts.size() > 1) {
            ids.addAll(sender.send(target, parts.subList(1, parts.size())));
        }
        return ids;
    }

    private EditMessageText edit(String html) {
        return EditMessageText.builder().chatId(target.chatId()).messageId(messageId).text(html)
                .parseMode(ParseMode.HTML).build();
    }

    private static String shortened(String text) {
        return text.length() > 3800 ? text.substring(0, 3800) : text;
    }
}
