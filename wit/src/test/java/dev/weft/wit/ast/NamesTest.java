package dev.weft.wit.ast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class NamesTest {
  @Test
  void kebabNamesOfLowerOrUpperCaseWordsAreValid() {
    assertNull(Names.kebabProblem("get-item"));
    assertNull(Names.kebabProblem("parse-XML-document"));
    assertNull(Names.kebabProblem("v1-2"));
  }

  @Test
  void invalidNamesSayWhy() {
    assertEquals("it must start with a letter", Names.kebabProblem("1a"));
    assertEquals("it has an empty word between `-`s", Names.kebabProblem("a--b"));
    assertEquals("the word `getItem` mixes upper and lower case", Names.kebabProblem("getItem"));
    assertEquals("`_` is not allowed", Names.kebabProblem("a_b"));
    assertEquals("it is empty", Names.kebabProblem(""));
  }
}
