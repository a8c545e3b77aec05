"""EPUB -> `Document`: the chapters in spine order, each chapter's title a section.

An EPUB is a zip: META-INF/container.xml names the package (OPF) file, whose manifest lists
the files and whose spine gives the reading order. Each XHTML chapter goes through the HTML
reader (all of its body that is not furniture), its title taken from the table of contents
(EPUB 3 nav document or EPUB 2 NCX) and made a "#" heading unless the chapter opens with it.
Chapters are kept apart by a rule, so no paragraph is joined across two of them.

Offsets: `Document.offsets` maps into the text extracted from the chapters (joined in spine
order), not into the bytes of the file.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote
from xml.etree import ElementTree

from ..errors import InputError
from ..model import Document

EPUB_MIMETYPE = b"application/epub+zip"
CHAPTER_TYPES = frozenset({"application/xhtml+xml", "text/html", "application/xml"})
CHAPTER_BREAK = "\n\n---\n\n"  # a rule: the text cleaning joins nothing across it
MAX_MEMBER_BYTES = 64 * 1024 * 1024  # larger members are refused (a zip bomb, not a chapter)

_NS = {
    "container": "urn:oasis:names:tc:opendocument:xmlns:container",
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "ncx": "http://www.daisy.org/z3986/2005/ncx/",
}
_SPACE_RE = re.compile(r"\s+")


def read_epub(data: bytes, path: Path, name: str) -> Document:
    """Read an EPUB's chapters into a Document. InputError for a broken or protected file."""
    from . import _build_document

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError, NotImplementedError, EOFError) as exc:
        raise InputError("not a readable EPUB (broken zip archive)", path) from exc
    with archive:
        try:
            title, chapters = _chapters(archive, path)
        except InputError:
            raise
        except (zipfile.BadZipFile, ElementTree.ParseError, KeyError, ValueError) as exc:
            reason = str(exc).strip().strip('"') or type(exc).__name__
            raise InputError(f"not a readable EPUB ({reason[:80]})", path) from exc
        except (OSError, EOFError, NotImplementedError, RuntimeError) as exc:
            raise InputError("not a readable EPUB (damaged archive member)", path) from exc
    text = CHAPTER_BREAK.join(chapters)
    if not text.strip():
        raise InputError("no text in the EPUB's chapters", path)
    document = _build_document(text, path, name, markdown=False)
    if title:
        document.title = title
    return document


def _member(archive: zipfile.ZipFile, member: str) -> bytes:
    if archive.getinfo(member).file_size > MAX_MEMBER_BYTES:
        raise ValueError(f"{member} is too large")
    return archive.read(member)


def _xml(archive: zipfile.ZipFile, member: str) -> ElementTree.Element:
    return ElementTree.fromstring(_member(archive, member))


def _chapters(archive: zipfile.ZipFile, path: Path) -> tuple[str | None, list[str]]:
    """The book's title and each chapter's text (headings as "#" lines), in spine order."""
    from .webpage import decode_html, html_markup

    names = set(archive.namelist())
    if "mimetype" in names and _member(archive, "mimetype").strip() != EPUB_MIMETYPE:
        raise InputError("a zip archive, not an EPUB (wrong mimetype)", path)
    if "META-INF/container.xml" not in names:
        raise InputError("a zip archive, not an EPUB (no META-INF/container.xml)", path)
    rootfile = _xml(archive, "META-INF/container.xml").find(".//container:rootfile", _NS)
    package_path = rootfile.get("full-path") if rootfile is not None else None
    if not package_path:
        raise InputError("not a readable EPUB (no package file named)", path)
    package = _xml(archive, package_path)
    base = posixpath.dirname(package_path)

    def resolve(href: str, relative_to: str = base) -> str:
        return posixpath.normpath(posixpath.join(relative_to, unquote(href.split("#")[0])))

    title_node = package.find(".//dc:title", _NS)
    title = _SPACE_RE.sub(" ", title_node.text or "").strip() if title_node is not None else ""
    manifest: dict[str, tuple[str, str, str]] = {}
    for item in package.iterfind(".//opf:manifest/opf:item", _NS):
        href = item.get("href")
        if item.get("id") and href:
            manifest[item.get("id", "")] = (
                resolve(href),
                item.get("media-type", ""),
                item.get("properties", ""),
            )
    spine = package.find(".//opf:spine", _NS)
    if spine is None:
        raise InputError("not a readable EPUB (no spine)", path)
    _refuse_drm(archive, names, {href for href, _, _ in manifest.values()}, path)
    labels = _toc_labels(archive, names, manifest, spine.get("toc"), resolve)

    chapters: list[str] = []
    for itemref in spine.iterfind("opf:itemref", _NS):
        entry = manifest.get(itemref.get("idref", ""))
        if entry is None or itemref.get("linear", "yes") == "no":
            continue
        member, media_type, properties = entry
        if media_type not in CHAPTER_TYPES or "nav" in properties.split() or member not in names:
            continue
        markup, page_title = html_markup(
            decode_html(_member(archive, member), member), main_only=False
        )
        if not markup.strip():
            continue
        label = labels.get(member) or (
            page_title if page_title and not markup.startswith("#") else None
        )
        if label and not _opens_with(markup, label):
            markup = f"# {label}\n\n{markup}"
        chapters.append(markup)
    return title or None, chapters


def _refuse_drm(archive: zipfile.ZipFile, names: set[str], members: set[str], path: Path) -> None:
    """Encrypted chapters (DRM) cannot be read; encrypted fonts (obfuscation) do not matter."""
    if "META-INF/encryption.xml" not in names:
        return
    encryption = _xml(archive, "META-INF/encryption.xml")
    for reference in encryption.iter():
        uri = reference.get("URI")
        if reference.tag.endswith("CipherReference") and uri:
            member = posixpath.normpath(unquote(uri))
            if member in members and member.endswith((".xhtml", ".html", ".htm", ".xml")):
                raise InputError("DRM-protected EPUB (its chapters are encrypted)", path)


def _toc_labels(
    archive: zipfile.ZipFile,
    names: set[str],
    manifest: dict[str, tuple[str, str, str]],
    ncx_id: str | None,
    resolve: Callable[[str, str], str],
) -> dict[str, str]:
    """Chapter file -> its title in the table of contents (the first entry naming the file)."""
    labels: dict[str, str] = {}
    nav = next((href for href, _, props in manifest.values() if "nav" in props.split()), None)
    if nav and nav in names:
        from selectolax.lexbor import LexborHTMLParser

        tree = LexborHTMLParser(_member(archive, nav).decode("utf-8", errors="replace"))
        toc = tree.css_first('nav[epub\\:type="toc"]') or tree.css_first("nav")
        for link in toc.css("a[href]") if toc is not None else []:
            target = resolve(link.attributes.get("href") or "", posixpath.dirname(nav))
            labels.setdefault(target, _SPACE_RE.sub(" ", link.text(deep=True)).strip())
    ncx = manifest.get(ncx_id or "") or next(
        (entry for entry in manifest.values() if entry[1] == "application/x-dtbncx+xml"), None
    )
    if ncx and ncx[0] in names:
        for point in _xml(archive, ncx[0]).iter(f"{{{_NS['ncx']}}}navPoint"):
            text = point.find("ncx:navLabel/ncx:text", _NS)
            content = point.find("ncx:content", _NS)
            if text is not None and content is not None and content.get("src"):
                target = resolve(content.get("src", ""), posixpath.dirname(ncx[0]))
                labels.setdefault(target, _SPACE_RE.sub(" ", text.text or "").strip())
    return {member: label for member, label in labels.items() if label}


def _opens_with(markup: str, label: str) -> bool:
    """Does the chapter's text start with a heading that says `label`?"""
    first = markup.split("\n", 1)[0]
    if not first.startswith("#"):
        return False
    heading = first.lstrip("#").strip().casefold()
    wanted = label.casefold()
    return heading == wanted or wanted in heading or heading in wanted
