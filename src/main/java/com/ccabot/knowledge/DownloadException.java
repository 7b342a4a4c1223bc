package com.ccabot.knowledge;

/** Why an article could not be added from a URL: a refused address, a failed download, a page with no article. */
public final class DownloadException extends RuntimeException {

    public DownloadException(String message) {
        super(message);
    }
}
