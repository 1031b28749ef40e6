package dev.weft.wit.ast;

import dev.weft.wit.diag.Span;
import dev.weft.wit.model.Docs;
import java.util.List;
import java.util.Optional;

/** An item at the top of a file or of a nested package block. */
public sealed interface TopItem {
  /** Which item this is, for exhaustive switches. */
  enum Form {
    INTERFACE,
    WORLD,
    USE,
    PACKAGE
  }

  /** Which item this is. */
  Form form();

  /** {@code interface name { members }}. */
  record InterfaceDecl(Ident name, Docs docs, List<Attribute> attributes, List<Member> members)
      implements TopItem {
    public InterfaceDecl {
      attributes = List.copyOf(attributes);
      members = List.copyOf(members);
    }

    @Override
    public Form form() {
      return Form.INTERFACE;
    }
  }

  /** {@code world name { members }}. */
  record WorldDecl(Ident name, Docs docs, List<Attribute> attributes, List<WorldMember> members)
      implements TopItem {
    public WorldDecl {
      attributes = List.copyOf(attributes);
      members = List.copyOf(members);
    }

    @Override
    public Form form() {
      return Form.WORLD;
    }
  }

  /** {@code use path as name;}: brings an interface or world of any package into the file. */
  record TopUse(UsePath path, Optional<Ident> as, List<Attribute> attributes, Span span)
      implements TopItem {
    public TopUse {
      attributes = List.copyOf(attributes);
    }

    /** The name the item gets in this file. */
    public Ident localName() {
      return as.orElse(path.name());
    }

    @Override
    public Form form() {
      return Form.USE;
    }
  }

  /** {@code package ns:name { items }}. */
  record NestedPackage(PackageDecl pkg, List<TopItem> items) implements TopItem {
    public NestedPackage {
      items = List.copyOf(items);
    }

    @Override
    public Form form() {
      return Form.PACKAGE;
    }
  }
}
