package dev.weft.wit.abi;

import dev.weft.wit.model.Function;
import dev.weft.wit.model.Param;
import dev.weft.wit.model.TypeDef;
import dev.weft.wit.model.TypeId;
import dev.weft.wit.model.TypeTable;
import dev.weft.wit.model.WitType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A growable type table and function builders for ABI tests. */
final class AbiTestSupport {
  private AbiTestSupport() {}

  static final class Types implements TypeTable {
    final List<TypeDef> defs = new ArrayList<>();

    dev.weft.wit.model.Named define(String name, WitType t) {
      defs.add(TypeDef.named(name, t));
      return new dev.weft.wit.model.Named(new TypeId(defs.size() - 1));
    }

    @Override
    public TypeDef type(TypeId id) {
      return defs.get(id.index());
    }
  }

  static Function fn(List<WitType> params, WitType result) {
    List<Param> ps = new ArrayList<>();
    for (int i = 0; i < params.size(); i++) {
      ps.add(new Param("p" + i, params.get(i)));
    }
    return Function.of("f", ps, Optional.ofNullable(result));
  }
}
