"""Case → letter → file: gather, check what the letter needs, build, write
DOCX (or PDF through LibreOffice), atomically and never over a file
without ``force``."""

from __future__ import annotations

import tempfile
from pathlib import Path

from ..files import atomic_write, check_target
from .blocks import Document
from .case import LetterCase, load_letter_case, require
from .docx import convert_to_pdf, require_soffice, write_docx


def build_letter(kind: str, case: LetterCase, lang: str, reply_days: int = 15,
                 third_parties: bool = False) -> Document:
    """The document of a kind for a case (what it needs is checked first)."""
    from ...agreement import build_agreement
    from .agreement_doc import agreement_document
    from .letters import dispute_letter, hardship_letter

    require(case, kind)
    if kind == "hardship":
        return hardship_letter(case, lang, reply_days)
    if kind == "dispute":
        return dispute_letter(case, lang, reply_days, third_parties)
    parts = case.parts
    agreement = build_agreement(case.plan, parts.parties, parts.contract, parts.terms)
    return agreement_document(agreement, lang, case.info.case_id)


def write_letter(kind: str, source: str, output: str, *, scenario: str | None = None, offer: int | None = None,
                 lang: str = "en", force: bool = False, as_of: str | None = None, claimed: str | None = None,
                 cap: str | None = None, reply_days: int = 15, third_parties: bool = False) -> tuple[Path, str]:
    """Write the letter ``kind`` of the case file ``source`` to ``output`` (.docx or .pdf): the file written
    and the document's title."""
    target = check_target(output, force)
    pdf = target.suffix.lower() == ".pdf"
    if pdf:
        require_soffice()  # before any work: one line on how to install LibreOffice, nothing written
    case = load_letter_case(source, scenario=scenario, offer=offer, as_of=as_of, claimed=claimed, cap=cap)
    doc = build_letter(kind, case, lang, reply_days, third_parties)
    if not pdf:
        return atomic_write(target, lambda tmp: write_docx(doc, tmp), force), doc.title
    with tempfile.TemporaryDirectory(prefix="repayplan-letter-") as work:
        draft = Path(work, target.with_suffix(".docx").name)
        write_docx(doc, draft)
        return atomic_write(target, lambda tmp: convert_to_pdf(draft, tmp), force), doc.title

