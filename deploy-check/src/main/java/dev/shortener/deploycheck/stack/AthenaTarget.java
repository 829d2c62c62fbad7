package dev.shortener.deploycheck.stack;

/** Where the click events are queried: the stack's workgroup, its Glue database and the clicks table. */
public record AthenaTarget(String workgroup, String database, String table) {}
