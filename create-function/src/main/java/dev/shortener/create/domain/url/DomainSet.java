package dev.shortener.create.domain.url;

import java.net.IDN;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A set of domains that also covers their subdomains: {@code evil.example} matches {@code evil.example} and
 * {@code www.evil.example}, never {@code notevil.example}. Entries and hosts are compared in punycode and lower
 * case, so an entry written in Unicode matches a host written in punycode and the other way round.
 */
public final class DomainSet {

    private final Set<String> domains;

    private DomainSet(Set<String> domains) {
        this.domains = domains;
    }

    /** @throws IllegalArgumentException naming an entry that is not a domain name */
    public static DomainSet of(Collection<String> entries) {
        return new DomainSet(entries.stream().map(DomainSet::canonical).collect(Collectors.toUnmodifiableSet()));
    }

    public static DomainSet empty() {
        return new DomainSet(Set.of());
    }

    /** The entry that covers {@code host} (punycode, lower case, no trailing dot), if any. */
    public Optional<String> match(String host) {
        for (int from = 0; from >= 0; ) {
            String suffix = host.substring(from);
            if (domains.contains(suffix)) {
                return Optional.of(suffix);
            }
            int dot = host.indexOf('.', from);
            from = dot < 0 ? -1 : dot + 1;
        }
        return Optional.empty();
    }

    public boolean isEmpty() {
        return domains.isEmpty();
    }

    private static String canonical(String entry) {
        String trimmed = entry.strip();
        if (trimmed.endsWith(".")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (trimmed.startsWith("*.")) {
            trimmed = trimmed.substring(2); // subdomains are covered anyway
        }
        try {
            String ascii = IDN.toASCII(trimmed, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
            if (!ascii.isEmpty()
                    && ascii.chars()
                            .allMatch(c -> c == '.'
                                    || c == '-'
                                    || c == '_'
                                    || (c >= 'a' && c <= 'z')
                                    || (c >= '0' && c <= '9'))) {
                return ascii;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new IllegalArgumentException("'" + entry + "' is not a domain name");
    }

    @Override
    public String toString() {
        return domains.toString();
    }
}
