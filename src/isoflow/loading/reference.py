"""The language reference, generated from the shipped XSD so that the two never drift.

Every element and attribute the schema declares is listed with its type, whether it is
required, and the Vietnamese help text that editors show on hover.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

from lxml import etree

XS = "{http://www.w3.org/2001/XMLSchema}"


def schema_path() -> Path:
    """Where the XSD is installed, for binding it in an editor."""
    return Path(str(resources.files("isoflow.loading").joinpath("schema/process.xsd")))


def _doc(node: Any) -> str:
    text = node.findtext(f"{XS}annotation/{XS}documentation")
    return " ".join((text or "").split())


def _type_doc(root: Any, type_name: str | None) -> str:
    if not type_name:
        return ""
    for kind in ("simpleType", "complexType"):
        found = root.find(f"{XS}{kind}[@name='{type_name}']")
        if found is not None:
            return _doc(found)
    return ""


def _attributes(root: Any, element: Any) -> list[tuple[str, str, str, str]]:
    rows = []
    for attr in element.iter(f"{XS}attribute"):
        if _owner(attr) is not (element if element.tag == f"{XS}element" else None):
            continue
        name = attr.get("name")
        type_name = attr.get("type") or ("(enumeration)" if attr.find(f".//{XS}enumeration") is not None else "string")
        enum = [e.get("value") for e in attr.iter(f"{XS}enumeration")]
        if enum:
            type_name = " \\| ".join(enum)
        required = "required" if attr.get("use") == "required" else (
            f"default `{attr.get('default')}`" if attr.get("default") else "optional")
        rows.append((name, type_name, required, _doc(attr) or _type_doc(root, attr.get("type"))))
    return rows


def _owner(node: Any) -> Any:
    parent = node.getparent()
    while parent is not None and parent.tag != f"{XS}element":
        parent = parent.getparent()
    return parent


def children(element: Any) -> list[str]:
    """The names of an XSD element's child elements, in order (a group as ``(Name)``)."""
    names = []
    for child in element.iter(f"{XS}element"):
        if child is element or _owner(child) is not element:
            continue
        names.append(child.get("name") or child.get("ref"))
    for group in element.iter(f"{XS}group"):
        if group.get("ref") and _owner(group) is element:
            names.append(f"({group.get('ref')})")
    return names


def reference() -> str:
    """The Markdown reference of every element, in schema order."""
    root = etree.parse(str(schema_path()), etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
    out = ["# isoflow process language: reference", "",
           "Generated from `src/isoflow/loading/schema/process.xsd` by `isoflow schema --reference`; "
           "do not edit by hand. Namespace: `urn:isoflow:process:1`.", ""]
    body_group = root.find(f"{XS}group[@name='Body']")
    body = [e.get("ref") for e in body_group.iter(f"{XS}element")] if body_group is not None else []
    out += ["`(Body)` stands for: " + ", ".join(f"`<{n}>`" for n in body) + ".", ""]
    for element in root.iter(f"{XS}element"):
        name = element.get("name")
        if not name:
            continue
        out.append(f"## `<{name}>`")
        out.append("")
        doc = _doc(element) or _type_doc(root, element.get("type"))
        if doc:
            out += [doc, ""]
        kids = children(element)
        if kids:
            out += ["Children, in order: " + ", ".join(f"`<{c}>`" if not c.startswith("(") else f"`{c}`"
                                                      for c in kids) + ".", ""]
        named = root.find(f"{XS}complexType[@name='{element.get('type')}']") if element.get("type") else None
        attributes = _attributes(root, named if named is not None else element)
        if attributes:
            out += ["| attribute | type | use | help |", "| --- | --- | --- | --- |"]
            out += [f"| `{n}` | {t} | {u} | {d} |" for n, t, u, d in attributes]
            out.append("")
    return "\n".join(out).rstrip() + "\n"
