"""What the negotiator says, as data: a key and its values, worded per language.

The English wordings live here, beside the code that says them, and
``report/labels/en.py`` takes them from here; ``report/labels/zh.py`` has the
same keys in Chinese. The core renders English (the JSON contract); the
report renders any language with :func:`render`.

>>> print(english(Say("prop.w.term", {"n": 36})))
36 installments
>>> print(english(Say("prop.w.join", {"parts": (Say("prop.w.term", {"n": 36}), Say("prop.w.keep", {}))})))
36 installments; keep the contract
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..text import Msg, fill
from ..text import say as text_say


@dataclass(frozen=True)
class Say:
    """A sentence to word: a label key and its values (text, numbers, other
    sentences, or tuples of sentences joined by ``prop.w.sep``)."""

    key: str
    values: Mapping[str, Any] = field(default_factory=dict)
    sep: str = "prop.w.sep"  # the key of what joins a tuple of sentences


def render(say: Say, word: Callable[[str], str], lang: str = "en") -> str:
    """``say`` worded by ``word`` (key -> template); a message value
    (:class:`repayplan.text.Msg`, a cap's wording) in ``lang``."""
    values = {}
    for name, value in say.values.items():
        if isinstance(value, Say):
            value = render(value, word, lang)
        elif isinstance(value, tuple) and all(isinstance(v, Say) for v in value):
            value = word(say.sep).join(render(v, word, lang) for v in value)
        elif isinstance(value, Msg):
            value = text_say(value, lang)
        values[name] = value
    return fill(word(say.key), values)


def english(say: Say) -> str:
    return render(say, lambda key: WORDS[key])


def listed(items: tuple[Say, ...]) -> Say:
    """'a', 'a and b', 'a, b and c'.

    >>> print(english(listed(tuple(Say(f"prop.w.{w}") for w in ("penalty", "fees", "interest")))))
    penalty, fees and interest
    """
    if len(items) == 1:
        return items[0]
    head = items[0]
    for item in items[1:-1]:
        head = Say("prop.w.list", {"a": head, "b": item})
    return Say("prop.w.and", {"a": head, "b": items[-1]})


#: The English of every sentence the negotiator says (report/labels/en.py takes them).
WORDS: dict[str, str] = {
    "prop.w.sep": "; ",
    "prop.w.join": "{parts}",
    # steps, in a few words each
    "prop.w.waive": "waive {what}", "prop.w.waive_amount": "waive {amount} of {what}",
    "prop.w.rate": "rate {rate}", "prop.w.term": "{n} {n|installment|installments}",
    "prop.w.haircut": "forgive {amount} of principal", "prop.w.haircut_percent": "forgive {percent} of principal",
    "prop.w.settle": "settle for {amount}", "prop.w.settle_in": "settle for {amount} in {n} "
                                                                "{n|installment|installments}",
    "prop.w.settle_down": "settle for {amount} ({down} down, {n} {n|installment|installments})",
    "prop.w.payment": "pay {amount} an installment until repaid", "prop.w.keep": "keep the contract",
    "prop.w.step": "{text}",
    "prop.w.offer": "Offer {rank}: {steps}",
    # what waive forgives
    "prop.w.penalty": "penalty", "prop.w.fees": "fees", "prop.w.interest": "interest",
    "prop.w.accrued": "accrued interest", "prop.w.installment-fee": "installment fee",
    "prop.w.and": "{a} and {b}", "prop.w.list": "{a}, {b}",
    # why an offer is on the list
    "prop.w.reason": "{head}; {what}",
    "prop.w.cheapest": "Cheapest for the borrower that the creditor accepts: it recovers {npv} ({share}), its "
                       "minimum being {required}",
    "prop.w.cheapest_all": "Cheapest for the borrower: every concession the creditor allows, and it still recovers "
                           "{npv} ({share})",
    "prop.w.reservation": "The borrower's reservation, the most the creditor can recover without costing the "
                          "borrower more: what is owed repaid as fast as the budget allows, with no concession: {npv} "
                          "({share})",
    "prop.w.and_reservation": "{head}; and the borrower's reservation",
    "prop.w.most": "Most the creditor can recover {limit}: {npv} ({share})",
    "prop.w.and_most": "{head}; and the most the creditor can recover ({limit})",
    "prop.w.in_budget": "within the borrower's {amount} a month",
    "prop.w.with_lump": "with the borrower's {amount} now",
    "prop.w.in_cap": "within the legal cap {cap}", "prop.w.no_concession": "with no concession beyond the new term",
    "prop.w.longest": "{limit}, over the longest term the creditor signs ({months} {months|month|months})",
    "prop.w.between": "Between the two ends: the creditor recovers {npv} ({share}) for {total} from the borrower",
    "prop.w.paid_now": "{total} paid now, {forgiven} forgiven",
    "prop.w.installments": "{n} {n|installment|installments} of at most {each}, {total} in all",
    "prop.w.now_then": "{lump} now, then {n} {n|installment|installments} of at most {each}, {total} in all",
    # notes
    "prop.w.note_position": "position on {on}: {owed} owed; recovery is the creditor's NPV at {rate} a year (its cost "
                            "of funds) as a share of {base}",
    "prop.w.base_owed": "what is owed", "prop.w.base_principal": "the principal",
    "prop.w.note_terms": "terms of 1 to {n} {n|installment|installments} (at most {months} {months|month|months}) are "
                         "searched, and the whole "
                         "budget each month with the term following",
    "prop.w.note_contract": "{text}, and the contract's own {n} remaining installments",
    "prop.w.note_order": "concessions in the order a creditor usually makes them: waive penalty and fees, lower the "
                         "rate (never above the contract's), waive owed interest, forgive principal; mixtures topped "
                         "up cent by cent; or settle for less",
    "prop.w.note_no_budget": "no borrower budget given ([borrower] max_payment, or monthly_income and "
                             "monthly_expenses): installments are not limited",
    "prop.w.note_no_minimum": "no [creditor] min_recovery: every offer is acceptable to the creditor",
    "prop.w.note_not_searched": "{text}; {levers} not searched (nothing would bound what they forgive)",
    "prop.w.note_ignored": "levers allowed but not searched: {levers} (try them with compare)",
    "prop.w.note_cap": "legal cap on the borrower's effective annual cost: {cap}",
    "prop.w.lever.haircut": "haircut", "prop.w.lever.settle": "settle",
    "prop.w.note_reservation": "the borrower's reservation: what is owed repaid as fast as the budget allows, with no "
                               "concession ({how}, {n} {n|installment|installments}, {total} in all); no offer costs "
                               "the borrower "
                               "more",
    "prop.w.how_budget": "{amount} an installment until repaid", "prop.w.how_once": "everything in one installment",
    "prop.w.note_no_reservation": "no reservation: the budget does not repay what is owed within the creditor's "
                                  "longest term without a concession, so offers are not bounded by it",
    "prop.w.note_narrow": "{count} {count|offer|offers} instead of {top}: the offers that fit cost the borrower from "
                          "{low} to "
                          "{high}, and offers that save less than {gap} on one another (or on the last) are not "
                          "distinct concessions (--min-concession)",
    "prop.w.note_savings": "savings are against the contract as it stands; {basis}",
    # when nothing fits
    "prop.w.none": "No offer fits: {ways}.", "prop.w.or": ", or ",
    "prop.w.none_at_all": "No offer fits: no plan the creditor's levers allow {minimum}fits the borrower's means and "
                          "the cap; allow more levers",
    "prop.w.minimum": "recovers the creditor's minimum {amount} and ",
    "prop.w.need_payment": "the borrower would need {short} more a month ({need} instead of {have})",
    "prop.w.need_recovery": "the creditor to accept {share} {base} (NPV {npv}) instead of {have} ({required})",
    "prop.w.of_owed": "of what is owed", "prop.w.of_principal": "of the principal",
    "prop.w.need_lump": "a lump sum of {short} more now ({need} instead of {have})",
    "prop.w.need_term": "the creditor to allow {need} {need|month|months} instead of {have}",
    "prop.w.need_cap": "the cost of credit to be allowed up to {need}: every plan the creditor's levers allow costs "
                       "the borrower more than the legal cap {cap}, so the way out is a lower rate (set-rate) or "
                       "waivers",
}
