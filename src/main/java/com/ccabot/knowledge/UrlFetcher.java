package com.ccabot.knowledge;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * Fetches what a user-given http or https URL points to, within limits: a timeout for each answer, a largest size,
 * a few redirects, and no address the caller refuses — checked for every address the host resolves to, at every
 * redirect, before connecting.
 *
 * <p>The HTTP client resolves the host again when it connects; a name server that answers differently within that
 * moment (DNS rebinding) is not caught.
 */
final class UrlFetcher {

    /** What a URL gave. @param url the URL after redirects @param mediaType lower case, empty when not said */
    record Fetched(URI url, String mediaType, String charset, byte[] body) {}

    static final int MAX_REDIRECTS = 5;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final String ACCEPT = "text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.1";
    private static final String USER_AGENT = "cca-bot (adds a news article to its knowledge folder)";

    private final Predicate<InetAddress> refused;
    private final Duration timeout;
    private final long maxBytes;
    private final String maxInWords;
    private final HttpClient client;

    UrlFetcher(Predicate<InetAddress> refused, Duration timeout, long maxBytes, String maxInWords) {
        this.refused = refused;
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.maxInWords = maxInWords;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER) // each hop's address is checked before it is followed
                .build();
    }

    /** A URL that may be fetched: http or https, with a host, without its fragment. */
    static URI checked(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new DownloadException("only http and https URLs can be added, not "
                    + (scheme.isEmpty() ? "'" + url + "'" : scheme + ":"));
        }
        if (url.getHost() == null || url.getHost().isEmpty()) {
            throw new DownloadException("'" + url + "' has no host name");
        }
        if (url.getRawUserInfo() != null) {
            // it would be logged, saved in the front matter and shown with citations
            throw new DownloadException("a URL with a user name or password is not accepted");
        }
        try {
            return new URI(url.getScheme(), url.getRawSchemeSpecificPart(), null);
        } catch (URISyntaxException e) {
            throw new DownloadException("'" + url + "' is not a valid URL");
        }
    }

    /** Fetches {@code url}, following redirects one by one so that each hop's address is checked first. */
    Fetched fetch(URI url) {
        URI current = checked(url);
        for (int redirects = 0; ; redirects++) {
            checkAddress(current, redirects > 0);
            HttpResponse<byte[]> response = send(current);
            int status = response.statusCode();
            if (REDIRECTS.contains(status)) {
                if (redirects == MAX_REDIRECTS) {
                    throw new DownloadException("more than " + MAX_REDIRECTS + " redirects");
                }
                String location = response.headers().firstValue("location")
                        .orElseThrow(() -> new DownloadException("a redirect (" + status + ") without a Location"));
                current = checked(redirect(current, location));
            } else if (status < 200 || status > 299) {
                throw new DownloadException("the server answered " + status);
            } else {
                String contentType = response.headers().firstValue("content-type").orElse("");
                return new Fetched(current, mediaType(contentType), charset(contentType), response.body());
            }
        }
    }

    private static URI redirect(URI from, String location) {
        try {
            return from.resolve(new URI(location.strip()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new DownloadException("a redirect to '" + location + "', which is not a URL");
        }
    }

    private void checkAddress(URI url, boolean redirected) {
        String host = url.getHost();
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new DownloadException("cannot find the host " + host);
        }
        for (InetAddress address : addresses) {
            if (refused.test(address)) {
                throw new DownloadException((redirected ? "a redirect leads to " : "") + host + ", a private address ("
                        + address.getHostAddress() + "): only public addresses can be added unless"
                        + " knowledge.allow-private-urls is true");
            }
        }
    }

    private HttpResponse<byte[]> send(URI url) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).header("User-Agent", USER_AGENT)
                .header("Accept", ACCEPT).GET().build();
        CompletableFuture<HttpResponse<byte[]>> answer = client.sendAsync(request, info ->
                REDIRECTS.contains(info.statusCode()) || info.statusCode() >= 300
                        ? BodySubscribers.replacing(new byte[0])
                        : new LimitedBody(maxBytes, maxInWords, info.headers().firstValueAsLong("content-length").orElse(-1)));
        try {
            // the request's own timeout ends with the headers; this one also covers a body that trickles in
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw noAnswer(url);
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new DownloadException("interrupted");
        } catch (ExecutionException e) {
            throw failure(url, e.getCause());
        }
    }

    private DownloadException failure(URI url, Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof DownloadException download) {
                return download;
            }
            if (t instanceof HttpTimeoutException) {
                return noAnswer(url);
            }
            if (t instanceof ConnectException) {
                return new DownloadException("cannot connect to " + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort()));
            }
        }
        String type = cause.getClass().getSimpleName();
        return new DownloadException("download failed: " + (cause.getMessage() == null ? type : type + ": " + cause.getMessage()));
    }

    private DownloadException noAnswer(URI url) {
        String wait = timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
        return new DownloadException("no answer from " + url.getHost() + " within " + wait);
    }

    private static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    /** The charset a Content-Type names when Java knows it, else {@code null}: the page's own meta tag decides. */
    private static String charset(String contentType) {
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.strip().split("=", 2);
            if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("charset")) {
                String name = pair[1].strip().replace("\"", "");
                try {
                    return Charset.isSupported(name) ? name : null;
                } catch (IllegalCharsetNameException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
