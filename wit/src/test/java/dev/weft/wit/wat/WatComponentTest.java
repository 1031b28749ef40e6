package dev.weft.wit.wat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.wit.decode.WitDecoder;
import dev.weft.wit.model.Interface;
import dev.weft.wit.model.ListType;
import dev.weft.wit.model.Primitive;
import dev.weft.wit.model.Resolve;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WatComponentTest {
  private static WatException fails(String text) {
    return assertThrows(WatException.class, () -> WatComponent.sections(text));
  }

  private static Resolve decode(String text) {
    return WitDecoder.decode(WatComponent.sections(text)).resolve();
  }

  private static String interfaceText(String body) {
    return "(component (type $c (component (export \"a:b/x\" (instance "
        + body
        + ")))) (export \"x\" (type $c)))";
  }

  @Test
  void inlineTypesAreHoistedIntoDefinitionsBeforeTheirUse() {
    Resolve r =
        decode(interfaceText("(export \"f\" (func (param \"p\" (list u8)) (result string)))"));
    Interface x = r.interfaces().get(0);
    var f = x.functions().get("f");
    assertEquals(new ListType(Primitive.U8), f.params().get(0).type());
    assertEquals(Optional.of(Primitive.STRING), f.result());
  }

  @Test
  void namesAndNumbersReferToTheSameIndexSpace() {
    String byName = interfaceText("(type $l (list u32)) (export \"f\" (func (param \"p\" $l)))");
    String byNumber = interfaceText("(type (list u32)) (export \"f\" (func (param \"p\" 0)))");
    assertEquals(
        decode(byName).interfaces().get(0).functions(),
        decode(byNumber).interfaces().get(0).functions());
  }

  @Test
  void stringEscapesAreDecoded() {
    Resolve r = decode(interfaceText("(export \"\\u{66}\\6f\\6f\" (func))"));
    assertEquals(List.of("foo"), List.copyOf(r.interfaces().get(0).functions().keySet()));
  }

  @Test
  void unknownNamePointsAtTheName() {
    String text = interfaceText("(export \"f\" (func (param \"p\" $nope)))");
    WatException e = fails(text);
    assertEquals(text.indexOf("$nope"), e.start());
    assertEquals(text.indexOf("$nope") + 5, e.end());
    assertEquals("no type named `$nope` here", e.getMessage());
  }

  @Test
  void indexNotYetDefinedIsAnError() {
    WatException e = fails(interfaceText("(export \"f\" (func (param \"p\" 3)))"));
    assertEquals("type index 3 is not defined yet", e.getMessage());
  }

  @Test
  void unclosedParenthesisPointsAtIt() {
    WatException e = fails("(component\n  (type (record (field \"a\" u32))\n");
    assertEquals(13, e.start());
    assertEquals("this `(` is never closed", e.getMessage());
  }

  @Test
  void coreModuleTextIsNotAComponent() {
    assertTrue(fails("(module (func))").getMessage().contains("a core module in text"));
  }

  @Test
  void codeIsRefusedWithAdviceToConvertIt() {
    WatException e = fails("(component (core module (func)))");
    assertTrue(e.getMessage().contains("`(core ...)` is not supported here"), e.getMessage());
    assertTrue(e.getMessage().contains("wasm-tools parse"), e.getMessage());
  }

  @Test
  void anIdOnAnExportInATypeGoesOnTheItem() {
    WatException e = fails(interfaceText("(export $r \"r\" (type (sub resource)))"));
    assertTrue(e.getMessage().contains("goes on the item"), e.getMessage());
  }

  @Test
  void commentsAndAnnotationsAreSkipped() {
    Resolve r =
        decode(
            "(component ;; a line comment\n (; a (; nested ;) block ;) (type $c (component"
                + " (export \"a:b/x\" (instance (export \"f\" (func (@name \"f\")))))))"
                + " (@producers (processed-by \"x\" \"1\")) (export \"x\" (type $c)))");
    assertEquals(1, r.interfaces().get(0).functions().size());
  }

  @Test
  void deepNestingIsAnErrorNotAStackOverflow() {
    String deep = "(".repeat(10_000) + ")".repeat(10_000);
    assertTrue(fails(deep).getMessage().contains("nested more than"));
  }
}
