package dev.shortener.redirect.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ShortCodesTest {

    @Test
    void acceptsBase62CodesAndAliases() {
        for (String code : new String[] {"aB3dE5f", "0", "my-alias_2", "x".repeat(64)}) {
            assertTrue(ShortCodes.isValid(code), code);
        }
    }

    @Test
    void rejectsWhatCannotBeACode_beforeAnyLookup() {
        for (String code :
                new String[] {"", "x".repeat(65), "favicon.ico", "a/b", "a%2Fb", "worker#1", "caf\u00e9", "a b", null
                }) {
            assertFalse(ShortCodes.isValid(code), String.valueOf(code));
        }
    }
}
