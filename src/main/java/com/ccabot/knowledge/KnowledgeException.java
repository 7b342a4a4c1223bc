package com.ccabot.knowledge;

/** A problem with the knowledge folder or one of its files, described so that a user can fix it. */
public final class KnowledgeException extends RuntimeException {

    public KnowledgeException(String message) {
        super(message);
    }
}
