package dev.shortener.shortcode;

/** Every worker id is held by a live lease: more minters are running than the layout has worker ids. */
public class NoFreeWorkerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NoFreeWorkerException(int workerCount) {
        super("All " + workerCount + " worker ids are leased; more minters are alive than the bit layout allows");
    }
}
