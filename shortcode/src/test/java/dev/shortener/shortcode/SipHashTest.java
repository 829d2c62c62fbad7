package dev.shortener.shortcode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class SipHashTest {

    private static byte[] countingBytes(int count) {
        byte[] bytes = new byte[count];
        for (int i = 0; i < count; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }

    private static SipHash referenceKey() {
        byte[] key = countingBytes(16);
        return new SipHash(SipHash.littleEndian(key, 0, 8), SipHash.littleEndian(key, 8, 8));
    }

    @Test
    void hash_matchesThePapersTestVector() {
        SipHash sipHash = referenceKey();

        long hash = sipHash.hash(countingBytes(15));

        assertEquals(0xa129ca6149be45e5L, hash);
    }

    @Test
    void hashOfTwoWords_equalsHashOfTheir16LittleEndianBytes() {
        SipHash sipHash = referenceKey();
        byte[] message = countingBytes(16);

        long fromWords = sipHash.hash(SipHash.littleEndian(message, 0, 8), SipHash.littleEndian(message, 8, 8));

        assertEquals(sipHash.hash(message), fromWords);
    }

    @Test
    void hash_dependsOnTheKey() {
        SipHash one = new SipHash(1, 2);
        SipHash other = new SipHash(1, 3);

        assertNotEquals(one.hash(7, 8), other.hash(7, 8));
    }
}
