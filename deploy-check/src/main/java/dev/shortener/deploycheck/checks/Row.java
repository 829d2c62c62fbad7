package dev.shortener.deploycheck.checks;

/** One line of the table. */
public record Row(CheckName check, Result result) {}
