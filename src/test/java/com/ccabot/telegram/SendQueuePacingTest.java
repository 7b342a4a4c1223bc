package com.ccabot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;
import org.telegram.telegrambots.meta.generics.TelegramClient;

class SendQueuePacingTest {

    /** A Bot API client that accepts every call at once. */
    private static final TelegramClient ACCEPTING = (TelegramClient) Proxy.newProxyInstance(
            SendQueuePacingTest.class.getClassLoader(), new Class<?>[] {TelegramClient.class},
            (proxy, method, args) -> method.getName().equals("execute") ? Boolean.TRUE : null);

    private static SendChatAction typing(long chatId) {
        return SendChatAction.builder().chatId(chatId).action("typing").build();
    }

    @Test
    void neverMoreThanThirtySendsInTheFirstSecondEvenToManyChats() {
        SendQueue queue = new SendQueue(ACCEPTING);
        long start = System.nanoTime();
        int sent = 0;
        for (long chat = 1; System.nanoTime() - start < 1_000_000_000L; chat++) {
            if (queue.tryCall(typing(chat), chat).isPresent()) {
                sent++;
            }
        }

        assertThat(sent).as("sends in one second").isLessThanOrEqualTo(30).isGreaterThan(5);
    }

    @Test
    void aPrivateChatGetsOneMessageASecond() {
        SendQueue queue = new SendQueue(ACCEPTING);

        assertThat(queue.tryCall(typing(77), 77)).isPresent();
        assertThat(queue.tryCall(typing(77), 77)).as("a second message at once").isEmpty();
        assertThat(queue.tryCall(typing(78), 78)).as("another chat is not held back").isPresent();
    }
}
