package com.ccabot.telegram;

import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/** What went wrong with a Bot API call, in a few words an operator can act on, never with the bot token in them. */
final class TelegramErrors {

    private TelegramErrors() {}

    /** "502: Bad Gateway" for an answer the Bot API gave; the network's own words when no answer came. */
    static String describe(Throwable error) {
        String described;
        if (error instanceof TelegramApiRequestException request && request.getErrorCode() != null
                && request.getErrorCode() != 0) {
            described = request.getErrorCode() + ": " + request.getApiResponse();
        } else {
            Throwable cause = error;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            described = cause.getMessage() == null ? cause.getClass().getSimpleName()
                    : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        }
        return TelegramTransport.TOKEN.matcher(described).replaceAll("<token>");
    }
}
