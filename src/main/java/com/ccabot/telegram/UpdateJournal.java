package com.ccabot.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * The durable record of the updates taken from Telegram: each is written here, and forced to disk, before Telegram
 * is told it was received (the next {@code getUpdates} offset moves past it), and marked done once handled. A
 * restart answers what was taken but not done, and skips what Telegram delivers again that is already here, so
 * a crash or a restart neither loses a question nor answers it twice (short of a crash between a reply being sent
 * and its mark being written: the Bot API has no idempotency key).
 *
 * <p>One file of JSON lines, {@code {"update": {…}}} and {@code {"done": id}}; opening it keeps the updates not
 * done and the last done ids, and rewrites it compacted. A line cut short by a crash is skipped with a warning.
 */
final class UpdateJournal implements AutoCloseable {

    static final String FILE = "telegram-updates.jsonl";
    /** Done ids kept after compaction: far more than one getUpdates batch can deliver again. */
    private static final int DONE_KEPT = 10_000;
    /** Lines appended before the file is written anew with only what it must keep. */
    private static final int COMPACT_AFTER = 50_000;
    private final int compactAfter;
    private static final Logger log = LoggerFactory.getLogger(UpdateJournal.class);

    private final Path file;
    private final ObjectMapper json;
    /** A stream, not a FileChannel: a channel closes for good when a thread writing to it is interrupted. */
    private FileOutputStream out;
    private int linesSinceCompaction;
    private final Map<Integer, Update> pending = new LinkedHashMap<>();
    private final Set<Integer> done = new HashSet<>();
    private final Deque<Integer> doneOrder = new ArrayDeque<>();
    private int highest;

    private UpdateJournal(Path file, ObjectMapper json, int compactAfter) {
        this.file = file;
        this.json = json;
        this.compactAfter = compactAfter;
    }

    /** Opens (or creates) the journal in a folder, keeping what it holds. */
    static UpdateJournal open(Path dir, ObjectMapper json) {
        return open(dir, json, COMPACT_AFTER);
    }

    /** @param compactAfter lines appended before the file is written anew */
    static UpdateJournal open(Path dir, ObjectMapper json, int compactAfter) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(FILE);
            Map<Integer, Update> pending = new LinkedHashMap<>();
            List<Integer> done = new ArrayList<>();
            int highest = 0;
            if (Files.exists(file)) {
                int number = 0;
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    number++;
                    if (line.isBlank()) {
                        continue;
                    }
                    try {
                        JsonNode entry = json.readTree(line);
                        if (entry.has("update")) {
                            Update update = json.treeToValue(entry.get("update"), Update.class);
                            pending.putIfAbsent(update.getUpdateId(), update);
                            highest = Math.max(highest, update.getUpdateId());
                        } else if (entry.has("done")) {
                            int id = entry.get("done").asInt();
                            pending.remove(id);
                            done.add(id);
                            highest = Math.max(highest, id);
                        }
                    } catch (IOException | IllegalArgumentException e) {
                        log.warn("skipping line {} of {}: it is not a whole entry (cut short by a crash?)", number, file);
                    }
                }
            }
            UpdateJournal journal = new UpdateJournal(file, json, compactAfter);
            journal.pending.putAll(pending);
            done.subList(Math.max(0, done.size() - DONE_KEPT), done.size()).forEach(journal::remember);
            journal.highest = highest;
            journal.rewrite();
            if (!pending.isEmpty()) {
                log.info("{} updates taken from Telegram before the last stop are not answered yet: answering them now",
                        pending.size());
            }
            return journal;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the Telegram update journal in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the file anew with only what it must keep (the updates not done, the last done ids), replacing the old
     * one atomically, and appends to the new one from then on.
     */
    private void rewrite() throws IOException {
        Path compacted = file.resolveSibling(FILE + ".tmp");
        StringBuilder text = new StringBuilder();
        for (int id : doneOrder) {
            text.append("{\"done\":").append(id).append("}\n");
        }
        for (Update update : pending.values()) {
            text.append(line(json, update)).append('\n');
        }
        Files.writeString(compacted, text, StandardCharsets.UTF_8);
        Files.move(compacted, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        if (out != null) {
            out.close();
        }
        out = new FileOutputStream(file.toFile(), true);
        linesSinceCompaction = 0;
    }

    private static String line(ObjectMapper json, Update update) throws IOException {
        ObjectNode entry = json.createObjectNode();
        entry.set("update", json.valueToTree(update));
        return json.writeValueAsString(entry);
    }

    /** The updates taken but not done, in the order they came. */
    synchronized List<Update> pending() {
        return List.copyOf(pending.values());
    }

    synchronized int pendingCount() {
        return pending.size();
    }

    /** Whether an update is here already, taken or done: Telegram delivering it again must not answer it twice. */
    synchronized boolean knows(int updateId) {
        return pending.containsKey(updateId) || done.contains(updateId);
    }

    /** The offset the next getUpdates asks from: past every update this journal knows. */
    synchronized int nextOffset() {
        return highest == 0 ? 0 : highest + 1;
    }

    /** Writes an update, forced to disk, before it may be confirmed to Telegram. */
    synchronized void take(Update update) {
        try {
            write(line(json, update));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Telegram update journal " + file + ": " + e.getMessage(), e);
        }
        pending.put(update.getUpdateId(), update);
        highest = Math.max(highest, update.getUpdateId());
    }

    /** Marks an update handled: it is not answered again after a restart. */
    synchronized void done(int updateId) {
        if (pending.remove(updateId) == null) {
            return;
        }
        try {
            write("{\"done\":" + updateId + "}");
        } catch (IOException e) {
            // the update stays in the file: at worst the next start answers it once more
            log.warn("cannot mark update {} done in {}: {}", updateId, file, e.getMessage());
        }
        remember(updateId);
    }

    private void remember(int updateId) {
        if (done.add(updateId)) {
            doneOrder.addLast(updateId);
            if (doneOrder.size() > DONE_KEPT) {
                done.remove(doneOrder.removeFirst());
            }
        }
    }

    private void write(String line) throws IOException {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.getFD().sync();
        if (++linesSinceCompaction > compactAfter) {
            rewrite(); // a bot that runs for months must not fill the disk with answered updates
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            log.warn("closing {}: {}", file, e.getMessage());
        }
    }
}
