package dev.shortener.deploycheck.checks;

/**
 * One row of the table. A check reads what earlier checks left in the {@link CheckContext} (the link the first
 * one created, the answers of a request made twice) and never changes anything but links the command created.
 */
public interface Check {

    /** The row's name. */
    CheckName name();

    /**
     * @throws SkipException when something it needs is missing (a URL, an earlier check's link)
     */
    Result run(CheckContext context);

    /** A check defined by a name and a function, for the small ones. */
    static Check of(CheckName name, java.util.function.Function<CheckContext, Result> body) {
        return new Check() {
            @Override
            public CheckName name() {
                return name;
            }

            @Override
            public Result run(CheckContext context) {
                return body.apply(context);
            }
        };
    }
}
