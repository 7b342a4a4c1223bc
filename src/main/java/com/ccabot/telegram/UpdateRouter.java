package com.ccabot.telegram;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.telegram.telegrambots.meta.api.objects.MessageEntity;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Decides what an update asks of the bot: in a private chat every text is a question; in groups only what is
 * addressed to the bot (a mention, a reply to the bot, {@code /ask}); in channels {@code /ask} and mentions when
 * enabled; inline queries and button presses. Captions count as text; everything else is ignored.
 */
public final class UpdateRouter {

    /** The commands the bot knows; {@code ask} takes the question after it. */
    public static final Set<String> COMMANDS = Set.of("start", "help", "sources", "about", "stats", "reload", "add", "ask");

    private static final Pattern COMMAND = Pattern.compile("^/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]{1,64}))?(?:\\s+|$)(.*)$",
            Pattern.DOTALL);

    private final String username;
    private final long botId;
    private final boolean channels;
    private final Pattern mention;

    /** @param username the bot's username without "@", as getMe reports it */
    public UpdateRouter(String username, long botId, boolean channels) {
        this.username = username;
        this.botId = botId;
        this.channels = channels;
        this.mention = Pattern.compile("@" + Pattern.quote(username) + "\\b", Pattern.CASE_INSENSITIVE);
    }

    public Route route(Update update) {
        if (update.hasInlineQuery()) {
            var query = update.getInlineQuery();
            return new Route.Inline(query.getId(), query.getFrom().getId(), query.getQuery().strip());
        }
        if (update.hasCallbackQuery()) {
            return new Route.Callback(update.getCallbackQuery().getId());
        }
        if (update.hasMessage()) {
            return routeMessage(update.getMessage());
        }
        if (update.hasChannelPost()) {
            return channels ? routeChannelPost(update.getChannelPost()) : new Route.Ignore("channel answers are off");
        }
        return new Route.Ignore("an update the bot does not handle");
    }

    private Route routeMessage(Message message) {
        String text = textOf(message);
        if (text == null || text.isBlank()) {
            return new Route.Ignore("no text or caption");
        }
        long asker = message.getFrom() != null ? message.getFrom().getId() : message.getChatId();
        boolean privateChat = message.getChat().isUserChat();
        ReplyTarget target = new ReplyTarget(message.getChatId(),
                message.isTopicMessage() ? message.getMessageThreadId() : null,
                privateChat ? null : message.getMessageId());
        Optional<Route> command = command(text, target, asker, privateChat);
        if (command.isPresent()) {
            return command.get();
        }
        if (text.startsWith("/") && startsWithCommandEntity(message)) {
            return new Route.Ignore("a command for another bot");
        }
        Integer repliesTo = repliesToBot(message) ? message.getReplyToMessage().getMessageId() : null;
        if (privateChat) {
            return new Route.Ask(target, asker, text.strip(), repliesTo);
        }
        if (mentionsBot(message, text) || repliesTo != null) {
            return new Route.Ask(target, asker, withoutMention(text), repliesTo);
        }
        return new Route.Ignore("not addressed to the bot");
    }

    private Route routeChannelPost(Message post) {
        String text = textOf(post);
        if (text == null || text.isBlank()) {
            return new Route.Ignore("no text or caption");
        }
        ReplyTarget target = new ReplyTarget(post.getChatId(), null, post.getMessageId());
        Optional<Route> command = command(text, target, post.getChatId(), false);
        if (command.isPresent() && command.get() instanceof Route.Command c && c.name().equals("ask")) {
            return command.get();
        }
        if (mentionsBot(post, text)) {
            return new Route.Ask(target, post.getChatId(), withoutMention(text), null);
        }
        return new Route.Ignore("a channel post not addressed to the bot");
    }

    /** A command at the start of the text, addressed to no bot in particular or to this one. */
    private Optional<Route> command(String text, ReplyTarget target, long asker, boolean privateChat) {
        Matcher matcher = COMMAND.matcher(text.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String name = matcher.group(1).toLowerCase(Locale.ROOT);
        String addressee = matcher.group(2);
        if (addressee != null && !addressee.equalsIgnoreCase(username)) {
            return Optional.empty();
        }
        if (!COMMANDS.contains(name)) {
            return privateChat || addressee != null
                    ? Optional.of(new Route.Command(target, asker, "unknown", name, privateChat))
                    : Optional.empty();
        }
        return Optional.of(new Route.Command(target, asker, name, withoutMention(matcher.group(3)), privateChat));
    }

    private boolean mentionsBot(Message message, String text) {
        List<MessageEntity> entities = message.hasText() ? message.getEntities() : message.getCaptionEntities();
        if (entities == null) {
            return false;
        }
        for (MessageEntity entity : entities) {
            if ("mention".equals(entity.getType()) && entity.getOffset() + entity.getLength() <= text.length()) {
                String mentioned = text.substring(entity.getOffset() + 1, entity.getOffset() + entity.getLength());
                if (mentioned.equalsIgnoreCase(username)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean startsWithCommandEntity(Message message) {
        List<MessageEntity> entities = message.hasText() ? message.getEntities() : message.getCaptionEntities();
        return entities != null && entities.stream().anyMatch(e -> "bot_command".equals(e.getType()) && e.getOffset() == 0);
    }

    private boolean repliesToBot(Message message) {
        Message replied = message.getReplyToMessage();
        return replied != null && replied.getFrom() != null && replied.getFrom().getId() == botId;
    }

    private String withoutMention(String text) {
        return mention.matcher(text).replaceAll(" ").replaceAll("\\s+", " ").strip();
    }

    private static String textOf(Message message) {
        return message.hasText() ? message.getText() : message.getCaption();
    }
}
