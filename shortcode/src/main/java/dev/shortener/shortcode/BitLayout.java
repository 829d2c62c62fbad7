package dev.shortener.shortcode;

import java.time.Duration;
import java.time.Instant;

/**
 * How an id is cut into a time field, a worker field and a sequence field, from the most significant bit down:
 * {@code time | worker | sequence}. Time counts {@link #TIME_UNIT}s since {@link #EPOCH}.
 *
 * <p>The layout is validated when built and its shifts and masks are precomputed, so that packing and unpacking
 * are a few shifts. A layout runs out when its time field overflows ({@link #exhaustedAt()}); the standard layouts
 * state that date and the tests pin it, so it cannot pass silently.
 *
 * <p>Standard layouts ({@link #forCodeLength}): each uses as many bits as {@code length} Base62 characters hold
 * (at most 63, so that ids stay non-negative longs).
 * <pre>
 * length  bits  time/worker/sequence  exhausted at (years)        workers  codes/s per worker  codes/s in all
 *   7      41    30 /  6 /  5         2060-01-10T13:37:04Z (34)       64          32                 2,048
 *   8      47    32 /  8 /  7         2162-02-07T06:28:16Z (136)     256         128                32,768
 *   9      53    33 / 10 / 10         2298-03-16T12:56:32Z (272)   1,024       1,024             1,048,576
 *  10      59    34 / 12 / 13         2570-05-30T01:53:04Z (544)   4,096       8,192            33,554,432
 *  11      63    35 / 14 / 14         3114-10-27T03:46:08Z (1088) 16,384      16,384           268,435,456
 * </pre>
 */
public final class BitLayout {

    /** Time zero of the time field. A recent epoch leaves the whole field for the future. */
    public static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
    /** What one step of the time field means. */
    public static final Duration TIME_UNIT = Duration.ofSeconds(1);

    private static final long EPOCH_SECOND = EPOCH.getEpochSecond();
    /** Worker ids and sequence numbers are ints. */
    private static final int MAX_FIELD_BITS = 30;

    private final int codeLength;
    private final int timeBits;
    private final int workerBits;
    private final int sequenceBits;
    private final int timeShift;
    private final long timeLimit;
    private final long workerMask;
    private final long sequenceMask;

    private BitLayout(int codeLength, int timeBits, int workerBits, int sequenceBits) {
        this.codeLength = codeLength;
        this.timeBits = timeBits;
        this.workerBits = workerBits;
        this.sequenceBits = sequenceBits;
        this.timeShift = workerBits + sequenceBits;
        this.timeLimit = 1L << timeBits;
        this.workerMask = (1L << workerBits) - 1;
        this.sequenceMask = (1L << sequenceBits) - 1;
    }

    /**
     * A layout for codes of {@code codeLength} Base62 characters.
     *
     * @throws IllegalArgumentException when a field has fewer than 1 bit, the worker or sequence field more than 30,
     *                                  or the fields together need more than 63 bits or more values than
     *                                  {@code codeLength} characters can hold
     */
    public static BitLayout of(int codeLength, int timeBits, int workerBits, int sequenceBits) {
        Base62 codes = Base62.ofLength(codeLength);
        requireBits("time", timeBits, 63);
        requireBits("worker", workerBits, MAX_FIELD_BITS);
        requireBits("sequence", sequenceBits, MAX_FIELD_BITS);
        int totalBits = timeBits + workerBits + sequenceBits;
        if (totalBits > 63) {
            throw new IllegalArgumentException("A layout may use at most 63 bits (ids are non-negative longs); "
                    + timeBits + " + " + workerBits + " + " + sequenceBits + " = " + totalBits);
        }
        if ((-1L >>> (64 - totalBits)) > codes.maxValue()) {
            throw new IllegalArgumentException("A " + totalBits + "-bit layout does not fit " + codeLength
                    + " Base62 characters (62^" + codeLength + " values); use fewer bits or longer codes");
        }
        return new BitLayout(codeLength, timeBits, workerBits, sequenceBits);
    }

    /** The standard layout for codes of {@code length} characters, 7 to 11 (see the table above). */
    public static BitLayout forCodeLength(int length) {
        return switch (length) {
            case 7 -> of(7, 30, 6, 5);
            case 8 -> of(8, 32, 8, 7);
            case 9 -> of(9, 33, 10, 10);
            case 10 -> of(10, 34, 12, 13);
            case 11 -> of(11, 35, 14, 14);
            default -> throw new IllegalArgumentException("Short codes are 7 to 11 characters long; got " + length);
        };
    }

    private static void requireBits(String field, int bits, int max) {
        if (bits < 1 || bits > max) {
            throw new IllegalArgumentException("The " + field + " field needs 1 to " + max + " bits; got " + bits);
        }
    }

    /**
     * Packs the three fields into one id.
     *
     * @throws IllegalArgumentException when a field is out of its range, including a time past {@link #exhaustedAt()}
     */
    public long pack(long time, int worker, int sequence) {
        if (time < 0 || time >= timeLimit) {
            throw new IllegalArgumentException("Time " + time + " is outside the " + timeBits + "-bit time field: "
                    + (time < 0 ? "it is before the epoch " + EPOCH : "this layout ran out at " + exhaustedAt()));
        }
        if ((worker & ~workerMask) != 0) {
            throw new IllegalArgumentException("Worker id " + worker + " is outside [0, " + workerCount() + ")");
        }
        if ((sequence & ~sequenceMask) != 0) {
            throw new IllegalArgumentException("Sequence " + sequence + " is outside [0, " + (sequenceMask + 1) + ")");
        }
        return time << timeShift | (long) worker << sequenceBits | sequence;
    }

    /** The time field of {@code id}, in units since {@link #EPOCH}. */
    public long time(long id) {
        return requireId(id) >>> timeShift;
    }

    /** The worker field of {@code id}. */
    public int worker(long id) {
        return (int) ((requireId(id) >>> sequenceBits) & workerMask);
    }

    /** The sequence field of {@code id}. */
    public int sequence(long id) {
        return (int) (requireId(id) & sequenceMask);
    }

    private long requireId(long id) {
        if ((id >>> totalBits()) != 0) {
            throw new IllegalArgumentException("Id " + id + " does not fit this " + totalBits() + "-bit layout");
        }
        return id;
    }

    /** The time field's value for {@code instant}: whole units since the epoch, rounded down. */
    public long timeAt(Instant instant) {
        return instant.getEpochSecond() - EPOCH_SECOND;
    }

    /** The first time field value whose unit starts at or after {@code instant}: {@link #timeAt} rounded up. */
    public long firstTimeNotBefore(Instant instant) {
        return timeAt(instant) + (instant.getNano() > 0 ? 1 : 0);
    }

    /** The instant at which the unit {@code time} starts. */
    public Instant instantOf(long time) {
        return EPOCH.plusSeconds(time);
    }

    /** When the time field runs out: no id can be minted from this instant on. */
    public Instant exhaustedAt() {
        return instantOf(timeLimit);
    }

    /** How many minters can run at once: one per worker id. */
    public int workerCount() {
        return 1 << workerBits;
    }

    /** How many codes one minter can mint per second without borrowing ahead. */
    public long codesPerSecondPerWorker() {
        return (sequenceMask + 1) / TIME_UNIT.toSeconds();
    }

    /** The number of Base62 characters this layout's ids are written in. */
    public int codeLength() {
        return codeLength;
    }

    public int timeBits() {
        return timeBits;
    }

    public int workerBits() {
        return workerBits;
    }

    public int sequenceBits() {
        return sequenceBits;
    }

    /** The bits an id uses: ids are in {@code [0, 2^totalBits)}. */
    public int totalBits() {
        return timeBits + workerBits + sequenceBits;
    }

    @Override
    public String toString() {
        return "BitLayout[" + codeLength + " chars: time " + timeBits + " + worker " + workerBits + " + sequence "
                + sequenceBits + " = " + totalBits() + " bits, exhausted at " + exhaustedAt() + "]";
    }
}
