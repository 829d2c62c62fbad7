package dev.shortener.create;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /api/links/{code}/qr}: decoded back with ZXing's own reader. */
class QrCodeTest {

    private final TestBed bed = TestBed.create();
    private final String key = bed.newApiKey("owner-a");

    @BeforeEach
    void setUp() {
        bed.send(Events.keyed(Events.CREATE_ALIAS_EXPIRY, key)).assertStatus(201);
    }

    @Test
    void thePng_ofTheSampleEvent_decodesToTheShortUrl_atTheSizeAsked() throws Exception {
        Answer answer = bed.send(Events.keyed(Events.QR, key));

        answer.assertStatus(200);
        assertEquals("image/png", answer.header("Content-Type"));
        assertEquals("private, max-age=86400", answer.header("Cache-Control"));
        assertTrue(answer.response().getIsBase64Encoded(), "a binary body goes through API Gateway as base64");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(
                Base64.getDecoder().decode(answer.response().getBody())));
        assertEquals(256, image.getWidth());
        assertEquals(256, image.getHeight());
        assertEquals("https://sho.rt/winter-sale", decode(image));
    }

    @Test
    void theSvg_isTheDefault_andDrawsTheSameCode() throws Exception {
        Answer answer = bed.send(Events.withQuery(Events.keyed(Events.QR, key), ""));

        answer.assertStatus(200);
        assertEquals("image/svg+xml", answer.header("Content-Type"));
        assertFalse(answer.response().getIsBase64Encoded());
        String svg = answer.response().getBody();
        assertTrue(svg.startsWith("<?xml"), svg);
        assertTrue(svg.contains("width=\"512\""), svg);
        assertEquals("https://sho.rt/winter-sale", decode(rasterise(svg)));
    }

    @Test
    void anotherOwner_getsTheSame404_andBadParametersA400() {
        String other = bed.newApiKey("owner-b");

        bed.send(Events.keyed(Events.QR, other)).assertProblem(404, "link-not-found");
        bed.send(Events.withQuery(Events.keyed(Events.QR, key), "format=gif"))
                .assertProblem(400, "invalid-query-parameter");
        bed.send(Events.withQuery(Events.keyed(Events.QR, key), "format=png&size=4096"))
                .assertProblem(400, "invalid-query-parameter");
        bed.send(Events.withQuery(Events.keyed(Events.QR, key), "colour=red"))
                .assertProblem(400, "unknown-query-parameter");
    }

    private static String decode(BufferedImage image) throws Exception {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        var source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
        return new QRCodeReader()
                .decode(new BinaryBitmap(new HybridBinarizer(source)))
                .getText();
    }

    /** Draws the SVG's unit squares ("M x y h1v1h-1z") four pixels a module, as a viewer would. */
    private static BufferedImage rasterise(String svg) {
        Matcher viewBox = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
        assertTrue(viewBox.find());
        int side = Integer.parseInt(viewBox.group(1));
        int scale = 4;
        BufferedImage image = new BufferedImage(side * scale, side * scale, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < side * scale; y++) {
            for (int x = 0; x < side * scale; x++) {
                image.setRGB(x, y, 0xFFFFFF);
            }
        }
        Matcher square = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z").matcher(svg);
        while (square.find()) {
            int mx = Integer.parseInt(square.group(1));
            int my = Integer.parseInt(square.group(2));
            for (int dy = 0; dy < scale; dy++) {
                for (int dx = 0; dx < scale; dx++) {
                    image.setRGB(mx * scale + dx, my * scale + dy, 0);
                }
            }
        }
        return image;
    }
}
