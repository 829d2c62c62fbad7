package dev.shortener.deploycheck.checks;

/** A link this run created (and so may change and must delete). */
public record CreatedLink(String code, String shortUrl, String url) {}
