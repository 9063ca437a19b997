"""`repayplan letter`: a hardship request, a dispute of a claim, or the agreement, as Word or PDF."""

from __future__ import annotations

from typing import Any

import click

from ..text import msg, say
from .common import LANGS, default_lang, handle_errors
from .dates import as_of_option


@click.command()
@click.argument("kind", type=click.Choice(["hardship", "dispute", "agreement"]))
@click.argument("case", type=click.Path(dir_okay=False, path_type=str))
@click.option("-o", "--output", required=True, help="The document to write: FILE.docx, or FILE.pdf (needs "
                                                    "LibreOffice).")
@click.option("--scenario", default=None, help="The plan: the case's [[scenarios]] entry of this name.")
@click.option("--offer", default=None, type=click.IntRange(1, 20),
              help="The plan: offer N as `repayplan propose --top N` lists it (N up to 5: its default list).")
@as_of_option("The date of the figures (default [case] as_of).")
@click.option("--claimed", default=None, help="The creditor's claimed total (default [case] claimed).")
@click.option("--cap", default=None, help="A legal cap for the dispute letter: 24% or 4xLPR (default [creditor] cap).")
@click.option("--reply-days", default=15, show_default=True, type=click.IntRange(1, 90),
              help="Days the creditor is asked to reply within.")
@click.option("--third-parties", is_flag=True, help="Dispute: also ask collection to stop contacting third parties.")
@click.option("--lang", type=click.Choice(LANGS), default=lambda: default_lang(),
              show_default="REPAYPLAN_LANG, else the locale", help="Language of the document (zh: 中文).")
@click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
@handle_errors
def letter(kind: str, case: str, output: str, scenario: str | None, offer: int | None, lang: str, force: bool,
           **flags: Any) -> None:
    """Write a letter or the agreement from the case's figures.

    \b
    KIND is one of
      hardship   协商还款申请书: the borrower asks the creditor for the plan
      dispute    异议申请: the claimed total against the rebuilt one, and a
                 request for the itemised statement
      agreement  调解协议书 / 分期还款协议: the plan as an agreement to sign
    Every figure comes from the same functions as status, compare and
    propose; hardship and agreement need a plan (--scenario or --offer),
    dispute a claimed total ([case] claimed or --claimed).

    \b
    Examples:
      repayplan letter hardship examples/hardship.toml --scenario "Interest freeze, 36 months" -o request.docx
      repayplan letter dispute examples/huabei-arrears.toml -o dispute.pdf --lang zh
      repayplan letter agreement examples/hardship.toml --offer 1 -o agreement.docx --lang zh
    """
    from pathlib import Path

    from ..report.documents.render import write_letter
    from ..report.files import refuse_inputs
    from ..report.labels import label

    refuse_inputs(output, "--output", [case])
    suffix = Path(output).suffix.lower()
    if suffix not in (".docx", ".pdf"):
        raise click.UsageError(say(msg("usage.end_letter", flag="--output", value=repr(output)), lang),
                               click.get_current_context())
    if scenario is not None and offer is not None:
        raise click.UsageError(say(msg("usage.plan_twice"), lang), click.get_current_context())
    written, title = write_letter(kind, case, output, scenario=scenario, offer=offer, lang=lang, force=force,
                                  **flags)
    click.echo(label("wrote.file", lang).format(target=written, what=title))
