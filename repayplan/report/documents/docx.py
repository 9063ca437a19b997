"""A :class:`~.blocks.Document` as a Word file (python-docx), and as a PDF
through LibreOffice headless.

The layout is Word styles (Normal, Title, Heading 2, Table Grid, ...) set
once here, so an office can restyle a document in Word; A4, one font per
language (SimSun / SimHei for Chinese, which LibreOffice replaces with an
installed CJK font when they are missing), the page number in the footer.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from ...errors import RepayplanError
from ..labels import label
from .blocks import Document, Para, SignatureBlock, Table

FONTS = {"zh": ("SimSun", "SimHei"), "en": ("Times New Roman", "Times New Roman")}
#: a table of at most this many rows is kept on one page
KEEP_TOGETHER = 40
SIZES = {"title": 18, "body": 12, "table": 10.5, "footer": 9}


def write_docx(doc: Document, path: Path) -> None:
    """Write ``doc`` to ``path`` as DOCX."""
    import docx
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    word = docx.Document()
    section = word.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.6)
    section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.3)
    body, heading = FONTS.get(doc.lang, FONTS["en"])
    _style_font(word.styles["Normal"], body, SIZES["body"])
    normal = word.styles["Normal"].paragraph_format
    normal.space_after = Pt(4)
    normal.line_spacing = 1.35 if doc.lang == "zh" else 1.15
    indent = Pt(SIZES["body"] * 2) if doc.lang == "zh" else Pt(0)
    word.core_properties.title = doc.title
    previous = ""
    for index, block in enumerate(doc.blocks):
        if isinstance(block, Para):
            p = word.add_paragraph()
            run = p.add_run(block.text)
            fmt = p.paragraph_format
            if previous == "party" and block.style != "party":
                fmt.space_before = Pt(8)
            previous = block.style
            following = doc.blocks[index + 1] if index + 1 < len(doc.blocks) else None
            if isinstance(following, Table):
                fmt.keep_with_next = True  # the sentence that introduces a table stays with it
            if block.style == "title":
                _run_font(run, heading, SIZES["title"], bold=True)
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                fmt.space_after = Pt(14)
            elif block.style == "heading":
                run.bold = True
                _run_font(run, heading, SIZES["body"], bold=True)
                fmt.space_before, fmt.keep_with_next = Pt(6), True
            elif block.style in ("body", "quote"):
                fmt.first_line_indent = indent
                p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
                if block.style == "quote":
                    fmt.left_indent = Cm(0.8)
            elif block.style == "item":
                fmt.left_indent = Cm(0.8) if doc.lang == "en" else indent
                p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            elif block.style == "party":
                fmt.space_after = Pt(0)
            elif block.style == "closing":
                fmt.first_line_indent = indent
                fmt.keep_with_next = True
            elif block.style == "note":
                _run_font(run, body, SIZES["footer"])
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif isinstance(block, Table):
            _table(word, block, body, WD_TABLE_ALIGNMENT, WD_ALIGN_PARAGRAPH, Pt, Cm)
        elif isinstance(block, SignatureBlock):
            for i, line in enumerate(block.lines):
                p = word.add_paragraph(line)
                p.paragraph_format.keep_with_next = i < len(block.lines) - 1
                p.paragraph_format.keep_together = True
                p.paragraph_format.space_before = Pt(10 if i else 18)
    _footer(section, doc, body, Pt, WD_ALIGN_PARAGRAPH)
    word.save(str(path))


def _table(word: Any, block: Table, font: str, table_align: Any, para_align: Any, pt: Any, cm: Any) -> None:
    rows = len(block.rows) + 1 + (block.total is not None)
    table = word.add_table(rows=rows, cols=len(block.header))
    table.style = word.styles["Table Grid"]
    table.alignment = table_align.CENTER
    lines = [block.header, *block.rows] + ([block.total] if block.total is not None else [])
    for r, values in enumerate(lines):
        row = table.rows[r]
        _no_split(row)
        if r == 0:
            _repeat_header(row)
        for c, value in enumerate(values):
            cell = row.cells[c]
            if block.widths:
                cell.width = cm(block.widths[c])
            p = cell.paragraphs[0]
            p.paragraph_format.first_line_indent = pt(0)
            p.paragraph_format.space_after = pt(0)
            run = p.add_run(value)
            _run_font(run, font, SIZES["table"], bold=r == 0 or (block.total is not None and r == rows - 1))
            numeric = bool(block.numeric) and block.numeric[c]
            p.alignment = para_align.CENTER if r == 0 else para_align.RIGHT if numeric else para_align.CENTER
            p.paragraph_format.keep_with_next = r < rows - 1 and rows <= KEEP_TOGETHER  # the table on one page
    word.add_paragraph().paragraph_format.space_after = pt(0)


def _footer(section: Any, doc: Document, font: str, pt: Any, align: Any) -> None:
    p = section.footer.paragraphs[0]
    p.alignment = align.CENTER
    text = label("doc.page", doc.lang)
    if doc.footer:
        text = f"{doc.footer}    {text}"
    for part in _split_fields(text):
        if part in ("{page}", "{pages}"):
            _field(p, "PAGE" if part == "{page}" else "NUMPAGES", font, SIZES["footer"])
        elif part:
            _run_font(p.add_run(part), font, SIZES["footer"])


def _split_fields(text: str) -> list[str]:
    """'第{page}页 共{pages}页' → ['第', '{page}', '页 共', '{pages}', '页']."""
    import re

    return [part for part in re.split(r"(\{page\}|\{pages\})", text) if part]


def _field(p: Any, code: str, font: str, size: float) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for kind, text in (("begin", None), (None, f" {code} "), ("separate", None), (None, "1"), ("end", None)):
        run = p.add_run()
        _run_font(run, font, size)
        if kind is not None:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif text is not None and text.strip() == code:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        elif text is not None:
            run.text = text


def _style_font(style: Any, name: str, size: float) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    style.font.name = name
    style.font.size = Pt(size)
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), name)


def _run_font(run: Any, name: str, size: float, bold: bool = False) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    run.font.name = name
    run.font.size = Pt(size)
    run.bold = bold or None
    run._r.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)


def _no_split(row: Any) -> None:
    from docx.oxml import OxmlElement

    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def _repeat_header(row: Any) -> None:
    from docx.oxml import OxmlElement

    row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))


def soffice() -> str | None:
    """The LibreOffice command, if installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def require_soffice() -> str:
    """The LibreOffice command, or one line on how to install it (exit 1)."""
    command = soffice()
    if command is None:
        raise RepayplanError("a PDF needs LibreOffice, which is not installed: install it (Debian/Ubuntu: apt-get "
                             "install libreoffice-writer-nogui; macOS: brew install --cask libreoffice) or write "
                             "-o FILE.docx")
    return command


def convert_to_pdf(source: Path, target: Path) -> None:
    """DOCX → PDF with LibreOffice headless (its own profile, so a running office is not disturbed)."""
    command = require_soffice()
    with tempfile.TemporaryDirectory(prefix="repayplan-pdf-") as work:
        env = {**os.environ, "HOME": work}
        profile = Path(work, "profile").as_uri()
        try:
            subprocess.run([command, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                            "--outdir", work, str(source)], check=True, capture_output=True, timeout=180, env=env)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
            raise RepayplanError(f"LibreOffice could not convert the document to PDF: {exc}") from None
        produced = Path(work, source.with_suffix(".pdf").name)
        if not produced.exists():
            raise RepayplanError("LibreOffice could not convert the document to PDF: no PDF was produced")
        shutil.copyfile(produced, target)
