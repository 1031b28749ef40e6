package dev.weft.wit.print;

import dev.weft.wit.model.PackageId;
import dev.weft.wit.model.Resolve;
import java.util.List;

/** Writes resolved packages back as canonical WIT text. */
public final class WitPrinter {
  private WitPrinter() {}

  /** The packages {@code roots} of {@code resolve}, one after another. */
  public static String print(Resolve resolve, List<PackageId> roots) {
    return "";
  }
}
