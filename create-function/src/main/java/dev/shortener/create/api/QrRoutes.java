package dev.shortener.create.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import dev.shortener.create.domain.auth.Caller;
import dev.shortener.create.domain.link.LinkService;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.imageio.ImageIO;

/**
 * {@code GET /api/links/{code}/qr}: a QR code of the link's short URL, owner-only like the rest of the API (anyone
 * else gets the same 404). {@code format=svg} (the default; vector, drawn from ZXing's module matrix as one path)
 * or {@code format=png} with {@code size} pixels a side ({@value #MIN_SIZE} to {@value #MAX_SIZE}, default
 * {@value #DEFAULT_SIZE}). Error correction level M (15% of the code may be damaged), and the 4-module quiet zone
 * the standard asks for.
 *
 * <p>A short URL never changes for a code, so the image is cacheable for long, but only privately: it is an
 * answer to an authenticated request ({@code Cache-Control: private}). A PNG goes back through API Gateway as a
 * base64 body with {@code isBase64Encoded}, which HTTP APIs decode for the client.
 */
final class QrRoutes {

    static final List<String> PARAMETERS = List.of("format", "size");
    static final int MIN_SIZE = 64;
    static final int MAX_SIZE = 2048;
    static final int DEFAULT_SIZE = 512;
    static final String CACHE_CONTROL = "private, max-age=86400";

    private static final int QUIET_ZONE = 4;

    private final LinkService links;
    private final LinkBodies bodies;

    QrRoutes(LinkService links, LinkBodies bodies) {
        this.links = Objects.requireNonNull(links, "links");
        this.bodies = Objects.requireNonNull(bodies, "bodies");
    }

    APIGatewayV2HTTPResponse qr(ApiRequest request, String code, Caller caller) {
        QueryParameters parameters = QueryParameters.parse(request.rawQuery(), PARAMETERS);
        String format = parameters.get("format") == null
                ? "svg"
                : parameters.get("format").toLowerCase(Locale.ROOT);
        if (!format.equals("svg") && !format.equals("png")) {
            throw QueryParameters.invalid("format", "'format' is svg or png.");
        }
        int size = size(parameters.get("size"));
        BitMatrix modules =
                encode(bodies.shortUrl(links.read(code, caller.ownerId()).link().code()));
        boolean svg = format.equals("svg");
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(200)
                .withHeaders(
                        Map.of("Content-Type", svg ? "image/svg+xml" : "image/png", "Cache-Control", CACHE_CONTROL))
                .withBody(svg ? svg(modules, size) : Base64.getEncoder().encodeToString(png(modules, size)))
                .withIsBase64Encoded(!svg)
                .build();
    }

    /** The modules without any margin: the quiet zone is added when drawing, in modules. */
    static BitMatrix encode(String text) {
        try {
            return new QRCodeWriter()
                    .encode(
                            text,
                            com.google.zxing.BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(
                                    EncodeHintType.ERROR_CORRECTION,
                                    ErrorCorrectionLevel.M,
                                    EncodeHintType.MARGIN,
                                    0,
                                    EncodeHintType.CHARACTER_SET,
                                    "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalStateException("a short URL always fits a QR code", e);
        }
    }

    /** One path of unit squares on a white background, in a viewBox of modules: crisp at any size. */
    static String svg(BitMatrix modules, int size) {
        int side = modules.getWidth() + 2 * QUIET_ZONE;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < modules.getHeight(); y++) {
            for (int x = 0; x < modules.getWidth(); x++) {
                if (modules.get(x, y)) {
                    path.append('M')
                            .append(x + QUIET_ZONE)
                            .append(' ')
                            .append(y + QUIET_ZONE)
                            .append("h1v1h-1z");
                }
            }
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + size + "\" height=\"" + size
                + "\" viewBox=\"0 0 " + side + " " + side + "\" shape-rendering=\"crispEdges\">"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
                + "<path fill=\"#000\" d=\"" + path + "\"/></svg>\n";
    }

    /**
     * Whole pixels per module (so every module is sharp), centred in an image of {@code size} pixels (or of one
     * pixel per module, if {@code size} is smaller than that). Drawn on the raster directly: no AWT graphics.
     */
    static byte[] png(BitMatrix modules, int size) {
        int side = modules.getWidth() + 2 * QUIET_ZONE;
        int pixels = Math.max(size, side);
        int scale = pixels / side;
        int offset = (pixels - scale * side) / 2 + QUIET_ZONE * scale;
        BufferedImage image = new BufferedImage(pixels, pixels, BufferedImage.TYPE_BYTE_BINARY);
        var raster = image.getRaster();
        for (int y = 0; y < pixels; y++) {
            for (int x = 0; x < pixels; x++) {
                int mx = Math.floorDiv(x - offset, scale);
                int my = Math.floorDiv(y - offset, scale);
                boolean dark = mx >= 0
                        && my >= 0
                        && mx < modules.getWidth()
                        && my < modules.getHeight()
                        && modules.get(mx, my);
                raster.setSample(x, y, 0, dark ? 0 : 1); // the binary palette: 0 black, 1 white
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static int size(String size) {
        if (size == null) {
            return DEFAULT_SIZE;
        }
        try {
            int value = Integer.parseInt(size);
            if (value >= MIN_SIZE && value <= MAX_SIZE) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw QueryParameters.invalid(
                "size", "'size' is a whole number of pixels from " + MIN_SIZE + " to " + MAX_SIZE + ".");
    }
}
