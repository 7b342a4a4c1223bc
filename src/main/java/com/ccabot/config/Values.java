package com.ccabot.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The kinds of value a setting can hold, each a parser whose exception says what is wrong. */
final class Values {

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private Values() {}

    static Function<String, Object> path() {
        return text -> {
            if (text.isEmpty()) {
                throw new IllegalArgumentException("is empty");
            }
            return Path.of(text);
        };
    }

    /** A folder path, or empty for the default the setting names (given as an empty Optional). */
    static Function<String, Object> optionalPath() {
        return text -> text.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(Path.of(text));
    }

    static Function<String, Object> integer(long min, long max) {
        return text -> {
            long value;
            try {
                value = Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(text.matches("-?\\d{19,}") ? "is out of range" : "is not a whole number");
            }
            if (value < min || value > max) {
                throw new IllegalArgumentException("is out of range");
            }
            return value;
        };
    }

    static Function<String, Object> decimal(double min, double max) {
        return text -> {
            double value;
            try {
                value = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("is not a number");
            }
            if (!(value >= min && value <= max)) {
                throw new IllegalArgumentException("is out of range");
            }
            return value;
        };
    }

    static Function<String, Object> oneOf(List<String> allowed) {
        return text -> {
            String value = text.toLowerCase(Locale.ROOT);
            if (!allowed.contains(value)) {
                throw new IllegalArgumentException("is not allowed");
            }
            return value;
        };
    }

    static Function<String, Object> duration() {
        return text -> {
            Duration value;
            Matcher matcher = SHORT_DURATION.matcher(text.toLowerCase(Locale.ROOT));
            if (matcher.matches()) {
                try {
                    long amount = Long.parseLong(matcher.group(1));
                    value = switch (matcher.group(2)) {
                        case "ms" -> Duration.ofMillis(amount);
                        case "s" -> Duration.ofSeconds(amount);
                        case "m" -> Duration.ofMinutes(amount);
                        case "h" -> Duration.ofHours(amount);
                        default -> Duration.ofDays(amount);
                    };
                } catch (NumberFormatException | ArithmeticException e) {
                    throw new IllegalArgumentException("is too long");
                }
            } else {
                try {
                    value = Duration.parse(text.toUpperCase(Locale.ROOT));
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("is not a duration");
                }
            }
            if (value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException("is not positive");
            }
            return value;
        };
    }

    static Function<String, Object> url() {
        return text -> {
            try {
                URI uri = new URI(text);
                if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                    throw new IllegalArgumentException("is not an http or https URL");
                }
                return uri;
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("is not a URL");
            }
        };
    }

    static Function<String, Object> optionalUrl() {
        Function<String, Object> url = url();
        return text -> text.isEmpty() ? "" : url.apply(text).toString();
    }

    /** A duration of at least {@code least}. */
    static Function<String, Object> durationOfAtLeast(Duration least) {
        Function<String, Object> duration = duration();
        return text -> {
            Duration value = (Duration) duration.apply(text);
            if (value.compareTo(least) < 0) {
                throw new IllegalArgumentException("is shorter than " + least.toSeconds() + "s");
            }
            return value;
        };
    }

    /**
     * Empty, or a {@code redis://} or {@code rediss://} URL with a host; a password in it is refused, since settings
     * files and command lines are seen by others (it comes from {@code REDIS_PASSWORD}).
     */
    static Function<String, Object> redisUrl() {
        return text -> {
            if (text.isEmpty()) {
                return "";
            }
            URI uri;
            try {
                uri = new URI(text);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("is not a URL");
            }
            if (!("redis".equals(uri.getScheme()) || "rediss".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException("is not a redis:// or rediss:// URL with a host");
            }
            if (uri.getRawUserInfo() != null) {
                // Lettuce reads a lone user part as a password: refuse either, so no secret is ever in a setting
                throw new IllegalArgumentException("holds a user or password: remove it and export REDIS_PASSWORD instead");
            }
            String path = uri.getPath() == null ? "" : uri.getPath();
            if (!path.isEmpty() && !path.matches("/\\d{0,2}")) {
                throw new IllegalArgumentException("has a path that is not a database number (/0 to /99)");
            }
            return text;
        };
    }

    /** A value as an error message may show it: a URL's user part (a password, for Redis) masked. */
    static String shown(String text) {
        return text.replaceAll("(?i)(\\b[a-z][a-z0-9+.-]*://)[^/@\\s]*@", "$1***@");
    }

    static Function<String, Object> text() {
        return text -> text;
    }

    static Function<String, Object> bool() {
        return text -> switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("is not true or false");
        };
    }

    static Function<String, Object> idList() {
        return text -> {
            Set<Long> ids = new LinkedHashSet<>();
            for (String part : text.split(",")) {
                String id = part.strip();
                if (id.isEmpty()) {
                    continue;
                }
                try {
                    ids.add(Long.parseLong(id));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("has '" + id + "', which is not a numeric id");
                }
            }
            return Set.copyOf(ids);
        };
    }
}
