"""Offers for people and machines: a table, CSV and JSON.

JSON (a stable contract)::

    {"currency", "date", "position": {...}, "constraints": {...},
     "offers": [{"rank", "name", "role", "steps": [...], "scenario", "metrics": {...}, "reason", "binds"}],
     "binding": null | {"constraints", "message", "relaxations": [{"constraint", "have", "need",
                                                                 "shortfall", "text", "steps"}]},
     "notes": [...]}

``name``, ``reason``, ``text``, ``message`` and ``notes`` are in English
whatever ``--lang`` (the table and CSV follow it). Amounts are strings with
the currency's minor digits, rates and shares percentages with two decimals
("75.00%"), ``metrics`` exactly as ``compare`` reports them, ``steps`` the
case-file tables and ``scenario`` the same as a ``[[scenarios]]`` entry to
paste. ``role``: ``borrower`` (the cheapest offer the creditor accepts),
``creditor`` (the last: the borrower's reservation when there is one, else
the most the creditor can recover within the borrower's means), ``between``
or ``both`` (a single offer); offers are ranked from 1, best for the borrower
first, so ``--offer N`` elsewhere names the same plan.
"""

from __future__ import annotations

from typing import Any

from ..negotiate import Proposal
from ..negotiate.explain import step_says
from ..negotiate.paste import json_table, scenario_toml, step_tables, toml_value
from ..negotiate.words import Say, render
from ..rates import percent_text
from ..text import say
from .answer import propose_answer, rank_text
from .compare import metric_text, metrics_dict
from .labels import currency_name, label
from .render import csv_text, current_width, display_width, fit_lines, json_text, key_values, table_text

#: The columns of the offers table and CSV, after rank and steps.
OFFER_COLUMNS = ("largest_installment", "payments", "lump_sum", "total_payment", "forgiven", "creditor_npv",
                 "recovery", "annual_cost", "payoff_date", "saving")


def _position(proposal: Proposal) -> dict[str, str]:
    p = proposal.position
    money = p.policy.text
    return {"principal": money(p.principal), "overdue_principal": money(p.overdue_principal),
            "interest": money(p.interest), "accrued_interest": money(p.accrued_interest),
            "penalty": money(p.penalty), "fees": money(p.fees), "credit": money(p.credit), "total": money(p.total)}


def _constraints(proposal: Proposal) -> dict[str, Any]:
    c = proposal.constraints
    money = proposal.position.policy.text
    return {"max_payment": None if c.max_payment is None else money(c.max_payment),
            "lump_sum": money(c.lump_sum), "discount_rate": percent_text(c.discount_rate, 2),
            "min_recovery": None if c.min_recovery is None else percent_text(c.min_recovery, 2),
            "min_recovery_of": c.recovery_base, "required_npv": money(proposal.required), "max_term": c.max_term,
            "levers": list(c.levers), "ignored_levers": list(c.ignored_levers),
            "cap": None if c.cap is None else percent_text(c.cap.rate, 2)}


def _relaxation_value(constraint: str, value: Any, proposal: Proposal) -> Any:
    if value is None or isinstance(value, int):
        return value
    if constraint == "creditor.min_recovery":
        return percent_text(value, 2)
    return proposal.position.policy.text(value)


def proposal_dict(proposal: Proposal) -> dict[str, Any]:
    """The JSON contract of ``repayplan propose``."""
    policy = proposal.position.policy
    binding = None
    if proposal.binding is not None:
        b: Any = proposal.binding
        binding = {"constraints": list(b.constraints), "message": b.message, "relaxations": [
            {"constraint": r.constraint, "have": _relaxation_value(r.constraint, r.have, proposal),
             "need": _relaxation_value(r.constraint, r.need, proposal),
             "shortfall": _relaxation_value(r.constraint, r.shortfall, proposal), "text": r.text,
             "steps": [json_table(t) for t in step_tables(r.plan.steps)] if r.plan is not None else None}
            for r in b.relaxations]}
    return {
        "currency": proposal.currency,
        "date": proposal.on.isoformat(),
        "position": _position(proposal),
        "constraints": _constraints(proposal),
        "offers": [{"rank": o.rank, "name": o.name, "role": o.role,
                    "steps": [json_table(t) for t in step_tables(o.steps)],
                    "scenario": scenario_toml(o.name, o.steps, proposal.on),
                    "metrics": metrics_dict(o.metrics, policy), "reason": o.reason, "binds": list(o.binds)}
                   for o in proposal.offers],
        "binding": binding,
        "notes": list(proposal.notes),
    }


def proposal_json(proposal: Proposal) -> str:
    return json_text(proposal_dict(proposal))


def proposal_csv(proposal: Proposal, lang: str = "en") -> str:
    """One row per offer (machine text); when nothing fits, one row per way out."""
    policy = proposal.position.policy

    def head(key: str) -> str:
        return key if lang == "en" else label(key, lang)

    if not proposal.offers and proposal.position.total > 0:
        rows = []
        if proposal.binding is not None:
            b: Any = proposal.binding
            rows = [[r.constraint, _relaxation_value(r.constraint, r.have, proposal),
                     _relaxation_value(r.constraint, r.need, proposal),
                     _relaxation_value(r.constraint, r.shortfall, proposal), said(r.say, r.text, lang)]
                    for r in b.relaxations]
        return csv_text([head(k) for k in ("prop.constraint", "prop.have", "prop.need", "prop.shortfall",
                                           "prop.text")] if lang != "en"
                        else ["constraint", "have", "need", "shortfall", "text"], rows)
    headers = (["rank", "name", "role", "steps"] if lang == "en"
               else [label(k, lang) for k in ("prop.rank", "prop.name", "prop.role", "cmp.steps")])
    headers += [head(k) for k in OFFER_COLUMNS] + [head("prop.reason") if lang != "en" else "reason"]
    rows = [[o.rank, offer_name(o, lang), o.role if lang == "en" else label(f"prop.role_{o.role}", lang),
             steps_text(o.steps, lang)]
            + [_blank(metric_text(k, getattr(o.metrics, k), policy)) for k in OFFER_COLUMNS]
            + [said(o.why, o.reason, lang)] for o in proposal.offers]
    return csv_text(headers, rows)


def said(say: Say | None, english: str, lang: str) -> str:
    """A sentence of the negotiator in ``lang`` (its English text when it has none)."""
    if say is None or lang == "en":
        return english
    if say.key == "prop.w.offer" and lang == "zh":
        say = Say(say.key, {**say.values, "rank": rank_text(int(say.values["rank"]), lang)})
    return render(say, lambda key: label(key, lang), lang)


def steps_text(steps: Any, lang: str) -> str:
    """The steps in a few words each, in ``lang``."""
    return render(Say("prop.w.join", {"parts": step_says(steps)}), lambda key: label(key, lang), lang)


def _blank(value: Any) -> Any:
    return "" if value is None else value


def proposal_table(proposal: Proposal, lang: str = "en") -> str:
    """What each side asked, the offers side by side, why each, the entries to
    paste, and the assumptions; or why nothing fits."""
    policy = proposal.position.policy
    p = proposal.position
    owed = [(label("owedline.principal", lang), p.principal), (label("owedline.interest", lang), p.interest),
            (label("cmp.accrued", lang), p.accrued_interest), (label("penalty", lang), p.penalty),
            (label("fees", lang), p.fees), (label("cmp.credit", lang), -p.credit)]
    gap = label("sep.figure", lang)
    breakdown = " + ".join(f"{k}{gap}{policy.grouped(v)}" for k, v in owed if v)
    colon = label("sep.colon", lang)
    pairs = [(label("currency", lang), currency_name(proposal.currency, lang)),
             (label("cmp.date", lang), proposal.on.isoformat()),
             (label("cmp.owed", lang), policy.grouped(p.total) + (f" = {breakdown}" if breakdown else ""))]
    if p.total <= 0:  # said plainly, as compare says it: not a search that found nothing
        return fit_lines(key_values(pairs) + "\n\n" + said(proposal.said[0], proposal.notes[0], lang)) + "\n"
    pairs += asked(proposal, lang)
    steps = steps_text(proposal.offers[0].steps, lang) if proposal.offers else ""
    out = [propose_answer(proposal, steps, lang), "", key_values(pairs), ""]
    if not proposal.offers:
        b: Any = proposal.binding
        out.append(label("prop.none", lang))
        if b is not None:
            out.append(said(b.say, b.message, lang))
            for r in b.relaxations:
                if r.plan is not None:
                    out.append(f"  - {said(r.say, r.text, lang)}{colon}{steps_text(r.plan.steps, lang)}")
    else:
        headers = [label("cmp.figure", lang)] + [str(o.rank) for o in proposal.offers]
        body = [[label(_column(k), lang)] + [metric_text(k, getattr(o.metrics, k), policy, True, lang)
                                             for o in proposal.offers] for k in OFFER_COLUMNS]
        out += [table_text(headers, body, first_left=True), "", label("prop.offers", lang) + colon.rstrip()]
        for o in proposal.offers:
            out += [f"  {o.rank}. {steps_text(o.steps, lang)}", f"     {said(o.why, o.reason, lang)}"]
        out += ["", label("prop.paste", lang) + colon.rstrip(), ""]
        for o in proposal.offers:
            out += [_paste(o, proposal, lang), ""]
    notes = ([said(note_say, note, lang) for note_say, note in zip(proposal.said, proposal.notes, strict=True)]
             if len(proposal.said) == len(proposal.notes) else [say(note, lang) for note in proposal.notes])
    out += ["", label("cmp.notes", lang) + colon.rstrip()] + [f"  - {note}" for note in notes]
    return fit_lines("\n".join(out).rstrip("\n")) + "\n"


def asked(proposal: Proposal, lang: str = "en") -> list[tuple[str, str]]:
    """What each side asked, one line each, for people."""
    c = proposal.constraints
    money = proposal.position.policy.grouped
    pay = (label("prop.pays_at_most", lang).format(amount=money(c.max_payment)) if c.max_payment is not None
           else label("prop.no_limit", lang))
    semi = label("sep.semicolon", lang)
    lines = [(label("prop.borrower", lang), pay + semi + label("prop.available", lang).format(
        amount=money(c.lump_sum)))]
    creditor = [label("prop.npv_at", lang).format(rate=percent_text(c.discount_rate))]
    if c.min_recovery is not None:
        base = label("prop.of_principal" if c.recovery_base == "principal" else "prop.of_owed", lang)
        creditor.append(label("prop.at_least", lang).format(share=percent_text(c.min_recovery), base=base,
                                                            amount=money(proposal.required)))
    else:
        creditor.append(label("prop.no_minimum", lang))
    creditor.append(label("prop.max_months", lang).format(months=c.max_term))
    levers = label("sep.comma", lang).join(label(f"prop.lever.{lever}", lang) for lever in c.levers)
    creditor.append(label("prop.concessions", lang).format(levers=levers or "—"))
    lines.append((label("prop.creditor", lang), semi.join(creditor)))
    if c.cap is not None:
        lines.append((label("prop.cap", lang), say(c.cap, lang)))
    return lines


def offer_name(offer: Any, lang: str) -> str:
    """The offer's name to paste, in ``lang`` (方案一：和解结清…… in Chinese)."""
    return said(offer.title, offer.name, lang)


def _paste(offer: Any, proposal: Proposal, lang: str) -> str:
    """The entry to paste, named in full whatever the terminal's width (it is copied into a case file or a
    letter, so its name is the offer's, never a short one); when a step line is wider than the terminal,
    each step as its own table."""
    name = offer_name(offer, lang)
    entry = scenario_toml(name, offer.steps, proposal.on)
    width = current_width()
    if width is None or max(display_width(line) for line in entry.splitlines()[1:] if
                            not line.startswith("name = ")) <= width:
        return entry
    lines = entry.splitlines()[:3] + ["[[scenarios.steps]]\n" + "\n".join(
        f"{k} = {toml_value(v)}" for k, v in table.items()) for table in step_tables(offer.steps)]
    return "\n".join(lines)


def _column(key: str) -> str:
    return {"payments": "prop.payments", "lump_sum": "prop.now", "total_payment": "prop.total",
            "recovery": "prop.recovery", "largest_installment": "prop.installment"}.get(key, key)


__all__ = ["proposal_csv", "proposal_dict", "proposal_json", "proposal_table"]
