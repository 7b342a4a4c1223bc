package com.ccabot.config;

/** The allowed values of {@code retrieval.fusion}. */
public enum Fusion { RRF, WEIGHTED }
