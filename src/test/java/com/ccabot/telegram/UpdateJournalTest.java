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
    void aLongRunKeepsTheFileSmallAndLosesNothingNotDone() throws Exception {
        try (UpdateJournal journal = UpdateJournal.open(dir, json, 50)) {
            for (int id = 1; id <= 200; id++) {
                journal.take(update(id, "question " + id));
                if (id % 10 != 0) {
                    journal.done(id);
                }
            }
            // answered updates leave only their id behind: the bodies kept are the ones not done, and the last few lines
            assertThat(Files.readAllLines(dir.resolve(UpdateJournal.FILE)).stream().filter(l -> l.startsWith("{\"update\""))
                    .count()).as("updates written out in full").isLessThanOrEqualTo(20 + 50);
        }

        try (UpdateJournal reopened = UpdateJournal.open(dir, json)) {
            assertThat(reopened.pending()).extracting(Update::getUpdateId).containsExactly(10, 20, 30, 40, 50, 60, 70, 80,
                    90, 100, 110, 120, 130, 140, 150, 160, 170, 180, 190, 200);
            assertThat(reopened.knows(199)).isTrue();
            assertThat(reopened.nextOffset()).isEqualTo(201);
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
