package dev.shortener.shortcode;

/**
 * SipHash-2-4 (Aumasson and Bernstein, 2012): a fast keyed pseudorandom function with a 128-bit key and 64-bit
 * output, used as the round function of {@link FeistelPermutation}. Written out here to keep the module free of
 * dependencies; checked against the paper's test vector.
 */
final class SipHash {

    private final long k0;
    private final long k1;

    /** The key as two little-endian words: {@code k0} holds key bytes 0-7, {@code k1} bytes 8-15. */
    SipHash(long k0, long k1) {
        this.k0 = k0;
        this.k1 = k1;
    }

    /** The hash of the 16-byte message {@code word0 || word1}, each word little-endian. */
    long hash(long word0, long word1) {
        return new State(k0, k1).absorb(word0).absorb(word1).finish(16L << 56);
    }

    /** The hash of an arbitrary message. */
    long hash(byte[] message) {
        State state = new State(k0, k1);
        int whole = message.length & ~7;
        for (int i = 0; i < whole; i += 8) {
            state.absorb(littleEndian(message, i, 8));
        }
        long last = (long) message.length << 56 | littleEndian(message, whole, message.length - whole);
        return state.finish(last);
    }

    static long littleEndian(byte[] bytes, int from, int count) {
        long word = 0;
        for (int i = count - 1; i >= 0; i--) {
            word = word << 8 | (bytes[from + i] & 0xFFL);
        }
        return word;
    }

    /** The four state words. One short-lived object per hash: a bump allocation, removed entirely where C2 runs. */
    private static final class State {
        private long v0;
        private long v1;
        private long v2;
        private long v3;

        State(long k0, long k1) {
            v0 = k0 ^ 0x736f6d6570736575L;
            v1 = k1 ^ 0x646f72616e646f6dL;
            v2 = k0 ^ 0x6c7967656e657261L;
            v3 = k1 ^ 0x7465646279746573L;
        }

        State absorb(long word) {
            v3 ^= word;
            rounds(2);
            v0 ^= word;
            return this;
        }

        long finish(long lastWord) {
            absorb(lastWord);
            v2 ^= 0xff;
            rounds(4);
            return v0 ^ v1 ^ v2 ^ v3;
        }

        private void rounds(int count) {
            for (int i = 0; i < count; i++) {
                v0 += v1;
                v1 = Long.rotateLeft(v1, 13);
                v1 ^= v0;
                v0 = Long.rotateLeft(v0, 32);
                v2 += v3;
                v3 = Long.rotateLeft(v3, 16);
                v3 ^= v2;
                v0 += v3;
                v3 = Long.rotateLeft(v3, 21);
                v3 ^= v0;
                v2 += v1;
                v1 = Long.rotateLeft(v1, 17);
                v1 ^= v2;
                v2 = Long.rotateLeft(v2, 32);
            }
        }
    }
}
