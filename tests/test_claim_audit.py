"""The claim audit against claims built under known readings.

A generator builds collection notices: a loan in arrears (one late payment, then nothing), and a claim computed
under one reading of the contract or a pair of them, on either basis (what is past due, 逾期金额, or the payoff).
For the simple cases (a payment missing, the grace ignored) the claim comes from the arithmetic written out
here; for the others from the tool's own replay with the changed terms. The audit must name the readings that
built the claim in at least 95% of the cases on each basis; the cases it cannot name are listed, each with why.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from repayplan import Loan, build_schedule, parse_rate
from repayplan.arrears import Payment, PenaltyPolicy, statement
from repayplan.arrears.audit import DATED_AFTER, DATED_BEFORE, ClaimAudit, audit_claim
from repayplan.arrears.readings import CLAIM_BASES, Reading, compatible, rebuild

D = Decimal
R = D("0.0005")  # 0.05%/day
DAILY = parse_rate("0.05%/day")


def cents(x: Decimal) -> Decimal:
    return x.quantize(D("0.01"), rounding=ROUND_HALF_UP)


def days(a: date, b: date) -> int:
    return (b - a).days


def named(audit: ClaimAudit, basis: str, readings: tuple[Reading, ...]) -> bool:
    """The audit lists these readings on this basis (a date may differ where two dates give the same figure)."""
    want = sorted((r.kind, r.value, r.payment) for r in readings)
    return any(e.basis == basis and sorted((r.kind, r.value, r.payment) for r in e.readings) == want
               for e in audit.explanations)


def why_not(audit: ClaimAudit, basis: str, readings: tuple[Reading, ...]) -> str:
    if audit.cut_short:
        return "search cut short"
    if not audit.explained:
        return "NOTHING FOUND"
    shorter = [e for e in audit.explanations if len(e.readings) < len(readings)]
    if shorter:
        return "fewer readings give the same figure: " + str([(r.kind, r.value) for r in shorter[0].readings])
    return "other readings of the same number give the same figure: " + str(
        [(e.basis, [(r.kind, r.value) for r in e.readings]) for e in audit.explanations])


# -- the simple cases, by hand -----------------------------------------------------------------------------

@dataclass(frozen=True)
class HandCase:
    """n equal installments of ``each`` at 0%, 0.05%/day on the overdue principal after 3 grace days (civil-code
    order: penalty before principal); installment 1 gets ``paid`` on ``paid_on`` (late, before installment 2
    falls due), then nothing; the notice is stated for ``on``."""

    loan: Loan
    each: Decimal
    dues: tuple[date, ...]
    paid: Decimal
    paid_on: date
    on: date

    def penalty_since(self, k: int, grace: bool = True) -> Decimal:
        """Installment k (k ≥ 1) unpaid: each × 0.05% × days since its due date, once its grace has run out
        (decided the day after the last grace day); without grace from the day after it falls due."""
        due = self.dues[k]
        late = due + timedelta(days=3) < self.on if grace else due < self.on
        return cents(self.each * R * days(due, self.on)) if late else D("0.00")

    def figures(self, missing: bool = False, grace: bool = True) -> dict[str, Decimal]:
        due_now = sum(1 for d in self.dues if d <= self.on)
        others = sum((self.penalty_since(k, grace) for k in range(1, len(self.dues))), D("0.00"))
        if missing:  # installment 1 bears penalty on all of it, from its due date to the notice's
            first = cents(self.each * R * days(self.dues[0], self.on))
            principal_paid = D("0.00")
        else:  # the payment pays the penalty to its day, then principal; the rest bears penalty from then on
            penalty_then = cents(self.each * R * days(self.dues[0], self.paid_on))
            principal_paid = self.paid - penalty_then
            first = cents((self.each - principal_paid) * R * days(self.paid_on, self.on))
        total = self.each * len(self.dues)
        return {"payoff": total - principal_paid + first + others,
                "past-due": self.each * due_now - principal_paid + first + others}


def hand_case(rng: random.Random) -> HandCase:
    n = rng.randint(3, 8)
    each = D(rng.randint(3, 30) * 100)
    loan = Loan(each * n, parse_rate("0%"), n, start=date(2025, rng.randint(1, 6), rng.randint(1, 28)))
    rows = build_schedule(loan).rows
    assert all(r.principal == each and r.interest == 0 for r in rows)  # 0%: n equal parts
    dues = tuple(r.due_date for r in rows)
    paid_on = dues[0] + timedelta(days=rng.randint(4, 25))  # after the grace, before installment 2
    paid = D(rng.randint(1, int(each) // 100 - 1) * 100)
    k = rng.randint(1, n - 1)
    on = dues[k] + timedelta(days=rng.randint(1, 3))  # installment k+1 in its grace days on the notice's date
    return HandCase(loan, each, dues, paid, paid_on, on)


HAND_READINGS = {
    "missing": {"missing": True},
    "no-grace": {"grace": False},
    "missing+no-grace": {"missing": True, "grace": False},
}


def test_hand_cases_the_audit_names_a_missing_payment_and_the_grace_ignored() -> None:
    rng = random.Random(2107)
    policy = PenaltyPolicy(DAILY, base="overdue-principal", grace_days=3)
    counts = {basis: [0, 0] for basis in CLAIM_BASES}
    unnamed = []
    for _ in range(12):
        case = hand_case(rng)
        payment = Payment(case.paid_on, case.paid)
        st = statement(case.loan, [payment], policy, case.on)
        contract = case.figures()
        assert (st.payoff_amount, st.total_due) == (contract["payoff"], contract["past-due"])  # the replay agrees
        for name, terms in HAND_READINGS.items():
            readings: tuple[Reading, ...] = ()
            if terms.get("missing"):
                readings += (Reading(kind="missing", payment=0),)
            if terms.get("grace") is False:
                readings += (Reading(kind="no-grace"),)
            claim = case.figures(**terms)
            for basis in CLAIM_BASES:
                if claim[basis] == contract[basis]:
                    continue  # the reading changes nothing here: nothing to name
                audit = audit_claim(st, claim[basis], budget=30)
                counts[basis][1] += 1
                if named(audit, basis, readings):
                    counts[basis][0] += 1
                else:
                    unnamed.append((name, basis, why_not(audit, basis, readings)))
    for basis, (hits, total) in counts.items():
        assert total >= 30 and hits >= 0.95 * total, (basis, hits, total, unnamed)
    assert all("NOTHING" not in why for *_, why in unnamed), unnamed


# -- every reading and pairs of them, built by the replay ----------------------------------------------------

def random_case(rng: random.Random) -> tuple[Loan, PenaltyPolicy, list[Payment], date]:
    """The issue's experiment: 0–24% contract rates, 0.05%/day on the overdue principal or installment after 3
    grace days, one late payment of installment 1, then nothing."""
    term = rng.randint(3, 9)
    rate = parse_rate(f"{rng.randint(0, 24)}%")
    loan = Loan(D(rng.randint(20, 200) * 100), rate, term, start=date(2025, rng.randint(1, 9), rng.randint(1, 28)))
    rows = build_schedule(loan).rows
    policy = PenaltyPolicy(DAILY, base=rng.choice(["overdue-principal", "overdue-installment"]), grace_days=3)
    paid_on = rows[0].due_date + timedelta(days=rng.randint(4, 20))
    on = rows[rng.randint(1, term - 1)].due_date + timedelta(days=rng.randint(0, 12))
    return loan, policy, [Payment(paid_on, rows[0].payment)], on


def candidate_readings(rng: random.Random, policy: PenaltyPolicy, payments: list[Payment],
                       on: date) -> list[Reading]:
    paid_on = payments[0].date
    dated = on + timedelta(days=rng.randint(-DATED_BEFORE, DATED_AFTER))
    while dated in (on, paid_on):
        dated += timedelta(days=1)
    return [
        Reading(kind="base", value="outstanding"),
        Reading(kind="base", value="overdue-installment" if policy.base == "overdue-principal" else
                "overdue-principal"),
        Reading(kind="compound", value="on"),
        Reading(kind="payment-day", value="on"),
        Reading(kind="no-grace"),
        Reading(kind="grace-mode", value="shift"),
        Reading(kind="missing", payment=0),
        Reading(kind="credited", payment=0, on=paid_on + timedelta(days=rng.randint(1, max(1, days(paid_on, on))))),
        Reading(kind="dated", on=dated),
        Reading(kind="accelerated"),
    ]


#: pairs the audit searches: penalty readings together, one with a payment missing, the notice's date or a
#: payment's credit date with one penalty reading, acceleration with any of those
def searched_pair(pair: tuple[Reading, ...]) -> bool:
    kinds = {r.kind for r in pair}
    return not ({"credited", "dated"} <= kinds or {"missing", "credited"} <= kinds
                or {"missing", "dated"} <= kinds or {"credited", "accelerated"} <= kinds)


def test_generated_claims_each_reading_and_pairs_on_both_bases() -> None:
    rng = random.Random(21)
    counts = {basis: [0, 0] for basis in CLAIM_BASES}
    unnamed = []
    for case in range(16):
        loan, policy, payments, on = random_case(rng)
        readings = candidate_readings(rng, policy, payments, on)
        valid = [r for r in readings if compatible((r,), policy)]
        pairs = [p for p in ((a, b) for i, a in enumerate(valid) for b in valid[i + 1:])
                 if compatible(p, policy) and searched_pair(p)]
        chosen = [(r,) for r in valid] + rng.sample(pairs, min(6, len(pairs)))
        contract = rebuild(loan, payments, policy, on, ())
        st = statement(loan, payments, policy, on)
        alone = {r: rebuild(loan, payments, policy, on, (r,)) for r in valid}
        for combo in chosen:
            built = rebuild(loan, payments, policy, on, combo)
            for basis in ("payoff",) if any(r.kind == "accelerated" for r in combo) else CLAIM_BASES:
                claim = built.figures(basis).total
                if claim in (contract.past_due.total, contract.payoff.total):
                    continue  # the readings change nothing here: nothing to name
                if len(combo) == 2 and any(claim == alone[r].figures(basis).total for r in combo):
                    continue  # one of the two changes nothing here: a single reading, counted with the singles
                audit = audit_claim(st, claim, payments=payments, budget=30)
                counts[basis][1] += 1
                if named(audit, basis, combo):
                    counts[basis][0] += 1
                else:
                    unnamed.append((case, [(r.kind, r.value) for r in combo], basis, why_not(audit, basis, combo)))
    for basis, (hits, total) in counts.items():
        assert total >= 60 and hits >= 0.95 * total, (basis, hits, total, unnamed)
    # What it cannot name (seed 21: 2 of 174 past-due claims, 1 of 201 payoffs): a pair whose figure one reading
    # gives alone, each time the notice dated another day: within a window of three months the figure moves by a
    # few cents a day, so a day near the notice's can give the pair's figure exactly. The audit stops at the fewest
    # readings, so it names that day instead. Never "nothing explains it".
    assert all(why.startswith("fewer readings") and "dated" in why for *_, why in unnamed), unnamed
