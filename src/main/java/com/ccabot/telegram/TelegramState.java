package com.ccabot.telegram;

import com.ccabot.answer.Conversations;
import com.ccabot.chat.Buckets;
import com.ccabot.chat.Notes;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * What the bot keeps beyond one update: where updates wait until answered, the token buckets of its limits, and its
 * notes on which conversation a message belongs to — in this process, or shared by replicas in Redis.
 *
 * @param replicas whether other replicas share them (then the Bot API is polled by one replica at a time)
 */
public record TelegramState(Inbox inbox, Buckets buckets, Notes notes, boolean replicas) {

    /** The state of a bot running alone: the journal in {@code stateDir}, buckets and notes in memory. */
    static TelegramState local(Path stateDir) {
        return new TelegramState(new JournalInbox(UpdateJournal.open(stateDir, new ObjectMapper())), Buckets.local(),
                Notes.local(Conversations.FORGET_AFTER), false);
    }

    /**
     * The chat an update belongs to, whose updates must be answered in order: the chat of a message or post, the
     * asker of an inline query or button press; an update of none of these kinds by its id.
     */
    public static String chatOf(Update update) {
        Message message = update.hasMessage() ? update.getMessage()
                : update.hasChannelPost() ? update.getChannelPost()
                : update.hasEditedMessage() ? update.getEditedMessage() : null;
        if (message != null) {
            return String.valueOf(message.getChatId());
        }
        if (update.hasInlineQuery()) {
            return "user:" + update.getInlineQuery().getFrom().getId();
        }
        if (update.hasCallbackQuery()) {
            return "user:" + update.getCallbackQuery().getFrom().getId();
        }
        return "update:" + update.getUpdateId();
    }
}
