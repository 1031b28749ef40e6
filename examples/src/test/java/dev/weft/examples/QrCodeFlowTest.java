package dev.weft.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import dev.weft.engine.Engine;
import dev.weft.engine.EngineOptions;
import dev.weft.engine.LoadedFlow;
import dev.weft.engine.RunResult;
import dev.weft.wit.value.WitValue;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The qrcode flow's PNGs decode (javax.imageio) to 200x200 images whose QR code ZXing reads back
 * as the exact text: short, long (512 bytes), non-ASCII and random texts.
 */
class QrCodeFlowTest {
  private static Engine engine;
  private static LoadedFlow qrcode;

  @BeforeAll
  static void start() {
    engine = Engine.create(EngineOptions.defaults());
    qrcode = engine.load(Cli.ROOT.resolve("examples/flows/qrcode.yaml"));
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  @Test
  void everyPngReadsBackAsItsText() throws Exception {
    List<String> texts = new ArrayList<>(List.of(
        "hello", "https://example.com/some/path?q=1", "Grüße, 世界! 👋", "x".repeat(512),
        "é".repeat(256), " leading and trailing spaces ", "0123456789".repeat(30)));
    Random random = new Random(42);
    for (int i = 0; i < 25; i++) {
      StringBuilder b = new StringBuilder();
      int n = 1 + random.nextInt(300);
      for (int k = 0; k < n; k++) {
        b.appendCodePoint(random.nextInt(10) == 0 ? 0x4E00 + random.nextInt(200) : 0x20 + random.nextInt(95));
      }
      texts.add(b.toString());
    }
    for (String text : texts) {
      RunResult r = engine.run(qrcode, Map.of("text", new WitValue.Str(text)))
          .toCompletionStage().toCompletableFuture().get();
      byte[] png = ((WitValue.Bytes) r.get("png")).toArray();
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
      assertEquals(200, image.getWidth());
      assertEquals(200, image.getHeight());
      String got;
      try {
        got = decode(image);
      } catch (Exception e) {
        throw new AssertionError("ZXing cannot read the QR code of `" + text + "` ("
            + text.getBytes(StandardCharsets.UTF_8).length + " bytes): " + e, e);
      }
      assertEquals(text, got, "text of " + text.getBytes(StandardCharsets.UTF_8).length + " bytes");
      if (text.equals("hello")) {
        assertTrue(png.length < 400, "a 1-bit PNG of a short text is small: " + png.length + " bytes");
      }
    }
  }

  private static String decode(BufferedImage image) throws Exception {
    int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    LuminanceSource source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
    Result result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)),
        Map.of(DecodeHintType.CHARACTER_SET, "UTF-8", DecodeHintType.PURE_BARCODE, Boolean.TRUE, DecodeHintType.TRY_HARDER, Boolean.TRUE));
    return result.getText();
  }

}
