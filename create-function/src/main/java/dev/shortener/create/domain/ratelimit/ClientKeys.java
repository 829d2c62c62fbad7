package dev.shortener.create.domain.ratelimit;

import dev.shortener.create.domain.idempotency.RequestFingerprint;
import dev.shortener.create.domain.url.Ipv4Numbers;
import dev.shortener.create.domain.url.Ipv6Addresses;
import java.util.HexFormat;

/**
 * The bucket a client address falls in. IPv6 clients are limited per /64, the block one subscriber usually gets,
 * or rotating through addresses inside it would escape the limit. The address is hashed, so no raw IP is kept in
 * Redis keys.
 */
public final class ClientKeys {

    private ClientKeys() {}

    public static String of(String address) {
        String text = address == null ? "" : address.strip();
        String network;
        if (Ipv4Numbers.parseDottedQuad(text) >= 0) {
            network = text;
        } else {
            byte[] v6 = Ipv6Addresses.parse(text);
            network = v6 == null ? "unknown" : HexFormat.of().formatHex(v6, 0, 8) + "/64";
        }
        return RequestFingerprint.sha256Hex("client|" + network).substring(0, 24);
    }
}
