package com.ccabot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telegram.telegrambots.meta.api.objects.Update;

class UpdateJournalTest {

    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    private Update update(int id, String text) throws Exception {
        return json.readValue("""
                {"update_id": %d, "message": {"message_id": %d, "date": 1764460800,
                 "chat": {"id": 5, "type": "private"}, "from": {"id": 5, "is_bot": false, "first_name": "A"},
                 "text": "%s"}}""".formatted(id, id, text), Update.class);
    }

    @Test
    void whatWasTakenButNotDoneIsThereAfterAReopenInOrder() throws Exception {
        try (UpdateJournal journal = UpdateJournal.open(dir, json)) {
            journal.take(update(10, "first"));
            journal.take(update(11, "second"));
            journal.take(update(12, "third"));
            journal.done(11);
        }

        try (UpdateJournal reopened = UpdateJournal.open(dir, json)) {
            assertThat(reopened.pending()).extracting(Update::getUpdateId).containsExactly(10, 12);
            assertThat(reopened.pending().get(0).getMessage().getText()).isEqualTo("first");
            assertThat(reopened.knows(11)).as("done, so a redelivery is skipped").isTrue();
            assertThat(reopened.knows(13)).isFalse();
            assertThat(reopened.nextOffset()).isEqualTo(13);
        }
    }

    @Test
    void aLineCutShortByACrashIsSkippedAndTheRestKept() throws Exception {
        try (UpdateJournal journal = UpdateJournal.open(dir, json)) {
            journal.take(update(20, "kept"));
        }
        Files.writeString(dir.resolve(UpdateJournal.FILE), "{\"update\": {\"update_id\": 21, \"mess", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);

        try (UpdateJournal reopened = UpdateJournal.open(dir, json)) {
            assertThat(reopened.pending()).extracting(Update::getUpdateId).containsExactly(20);
        }
    }

    @Test
    void anEmptyFolderStartsEmptyAndAsksFromTheStart() {
        try (UpdateJournal journal = UpdateJournal.open(dir.resolve("new"), json)) {
            assertThat(journal.pending()).isEmpty();
            assertThat(journal.nextOffset()).isZero();
        }
    }
}
