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
from repayplan.arrears.audit import ClaimAudit, audit_claim
from repayplan.arrears.readings import CLAIM_BASES, Reading, compatible, rebuild
from repayplan.arrears.search import DATED_AFTER, DATED_BEFORE

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


# -- "nothing explains" and "exceeds the most the contract gives", against trying everything ----------------

def exhaustive(loan: Loan, policy: PenaltyPolicy, payments: list[Payment], on: date, before: int,
               after: int) -> dict[tuple[str, Decimal], int]:
    """Every figure the audit's readings can give, by (basis, total), with the fewest readings giving it: any
    set of up to three of the penalty readings, payments not credited (two or three of them only on their own,
    or with acceleration) and acceleration (payoff only); the notice dated any day in the window with up to two
    penalty readings (and acceleration with one); a payment credited on any later day up to the notice's,
    with up to one penalty reading. Every set replayed, every day tried."""
    from itertools import combinations

    from repayplan.arrears.readings import policy_readings

    out: dict[tuple[str, Decimal], int] = {}

    def add(readings: tuple[Reading, ...]) -> None:
        rb = rebuild(loan, payments, policy, on, readings)
        accelerated = any(r.kind == "accelerated" for r in readings)
        if accelerated and rb.payoff == rebuild(loan, payments, policy, on,
                                                tuple(r for r in readings if r.kind != "accelerated")).payoff:
            return  # acceleration that adds nothing is not a reading
        for basis in ("payoff",) if accelerated else CLAIM_BASES:
            key = (basis, rb.figures(basis).total)
            out[key] = min(out.get(key, 9), len(readings))

    pol = policy_readings(policy)
    missing = [Reading(kind="missing", payment=i) for i, p in enumerate(payments) if p.date <= on and p.amount]
    acc = [Reading(kind="accelerated")]
    for size in range(4):
        for combo in combinations(pol + missing + acc, size):
            paying = sum(r.kind == "missing" for r in combo)
            if compatible(combo, policy) and (paying <= 1 or all(r.kind != "base" and r.kind not in (
                    "compound", "payment-day", "no-grace", "grace-mode") for r in combo)):
                add(combo)
    window = [on + timedelta(days=k) for k in range(-before, after + 1) if k and on + timedelta(days=k) >= loan.start]
    for size in range(3):
        for combo in combinations(pol, size):
            if not compatible(combo, policy):
                continue
            for day in window:
                add((*combo, Reading(kind="dated", on=day)))
                if size <= 1:
                    add((*combo, Reading(kind="dated", on=day), *acc))
            if size <= 1:
                for i, p in enumerate(payments):
                    for k in range(1, days(p.date, on) + 1):
                        add((*combo, Reading(kind="credited", payment=i, on=p.date + timedelta(days=k))))
    return out


def dearest(loan: Loan, policy: PenaltyPolicy, payments: list[Payment], on: date) -> Decimal:
    """The largest payoff under every combination of the penalty terms (each base, compounding or not, the
    payment day counted or not, the contract's grace or none, either grace mode)."""
    from dataclasses import replace
    from itertools import product

    best = D("-1")
    for base, compound, day, grace, mode in product(("overdue-principal", "overdue-installment", "outstanding"),
                                                    (False, True), (False, True), (policy.grace_days, 0),
                                                    ("waive", "shift")):
        changed = replace(policy, base=base, compound=compound, count_payment_day=day, grace_days=grace,
                          grace_mode=mode)
        best = max(best, statement(loan, [p for p in payments if p.date <= on], changed, on).payoff_amount)
    return best


def small_case(rng: random.Random) -> tuple[Loan, PenaltyPolicy, list[Payment], date]:
    term = rng.randint(2, 4)
    loan = Loan(D(rng.randint(5, 40) * 100), parse_rate(f"{rng.choice([0, 6, 18, 24])}%"), term,
                start=date(2025, rng.randint(1, 9), rng.randint(1, 28)), installment_fee=D(rng.choice([0, 0, 15])))
    rows = build_schedule(loan).rows
    policy = PenaltyPolicy(DAILY, base=rng.choice(["overdue-principal", "overdue-installment", "outstanding"]),
                           grace_days=rng.choice([0, 3]), late_fee=D(rng.choice([0, 0, 20])))
    on = rows[rng.randint(0, term - 1)].due_date + timedelta(days=rng.randint(5, 20))
    payments = [Payment(on - timedelta(days=rng.randint(2, 12)), D(rng.randint(1, 9) * 50))]
    if rng.random() < 0.5:
        payments.insert(0, Payment(rows[0].due_date + timedelta(days=rng.randint(-2, 6)), rows[0].payment))
    return loan, policy, sorted(payments, key=lambda p: p.date), on


def test_nothing_explains_and_exceeds_the_maximum_agree_with_trying_every_reading(monkeypatch: object) -> None:
    import repayplan.arrears.search as module

    before, after = 6, 3
    monkeypatch.setattr(module, "DATED_BEFORE", before)  # type: ignore[attr-defined]
    monkeypatch.setattr(module, "DATED_AFTER", after)  # type: ignore[attr-defined]
    rng = random.Random(5)
    checked = explained = exceeded = 0
    for _ in range(8):
        loan, policy, payments, on = small_case(rng)
        figures = exhaustive(loan, policy, payments, on, before, after)
        totals = {total for _, total in figures}
        top = dearest(loan, policy, payments, on)
        contract = statement(loan, payments, policy, on)
        picks = rng.sample(sorted(totals), min(5, len(totals)))
        claims = picks + [t + D("0.01") for t in picks[:3]] + [top, top + D("0.01"), contract.payoff_amount - 1]
        for claim in claims:
            audit = audit_claim(contract, claim, payments=payments, budget=60)
            assert not audit.cut_short
            fewest = min((n for (_, total), n in figures.items() if total == claim), default=None)
            assert audit.explained == (fewest is not None), (claim, fewest, audit.explanations)
            checked += 1
            if audit.explained:
                explained += 1
                assert len(audit.explanations[0].readings) == fewest  # the fewest readings that give it
                for e in audit.explanations:  # each as stated: replayed, it gives the claim
                    assert rebuild(loan, payments, policy, on, e.readings).figures(e.basis).total == claim
            else:
                assert audit.maximum is not None and audit.maximum.payoff.total == top
                assert audit.exceeds_maximum == (claim > top)
                exceeded += audit.exceeds_maximum
    assert checked >= 80 and explained >= 30 and exceeded >= 5, (checked, explained, exceeded)


# -- the bounds that decide which payments are tried ---------------------------------------------------------

def test_a_payment_left_out_adds_within_the_bounds_the_search_prunes_by() -> None:
    """Leaving a payment out adds at least its amount to the payoff (less a cent a term for rounding) and at most
    its amount plus :func:`extra_bound`; crediting it later adds between nothing and the bound. Random loans,
    every base and grace, late fees, several payments: each payment left out, and credited a random later day."""
    from repayplan.arrears.readings import extra_bound

    rng = random.Random(77)
    checked = 0
    for _ in range(40):
        term = rng.randint(2, 8)
        loan = Loan(D(rng.randint(10, 300) * 100), parse_rate(f"{rng.randint(0, 36)}%"), term,
                    start=date(2025, rng.randint(1, 12), rng.randint(1, 28)), installment_fee=D(rng.choice([0, 25])))
        rows = build_schedule(loan).rows
        policy = PenaltyPolicy(DAILY, base=rng.choice(["overdue-principal", "overdue-installment", "outstanding"]),
                               compound=rng.random() < 0.5, count_payment_day=rng.random() < 0.5,
                               grace_days=rng.choice([0, 3]), late_fee=D(rng.choice([0, 30])),
                               late_fee_rate=rng.choice([None, D("0.05")]))
        on = rows[-1].due_date + timedelta(days=rng.randint(-40, 60))
        payments = sorted((Payment(rows[rng.randrange(term)].due_date + timedelta(days=rng.randint(-5, 30)),
                                   D(rng.randint(1, 40) * 50)) for _ in range(rng.randint(1, 5))),
                          key=lambda p: p.date)
        payments = [p for p in payments if loan.start <= p.date <= on]
        st = statement(loan, payments, policy, on)
        slack = D("0.01") * (len(payments) + 2 * term + 2)
        for i, p in enumerate(payments):
            bound = extra_bound(policy, loan, st, p.amount, p.date, on)
            added = rebuild(loan, payments, policy, on, (Reading(kind="missing", payment=i),)).payoff.total \
                - st.payoff_amount
            assert p.amount - slack <= added <= p.amount + bound, (i, p, added, bound)
            later = p.date + timedelta(days=rng.randint(1, max(1, days(p.date, on))))
            moved = rebuild(loan, payments, policy, on, (Reading(kind="credited", payment=i, on=later),))
            assert -slack <= moved.payoff.total - st.payoff_amount <= bound + slack
            checked += 1
    assert checked >= 60


# -- the long history of the bench (bench/bench_status.py), without a time budget ---------------------------------
def test_the_bench_case_payment_200_not_credited_is_named_when_the_search_runs_to_the_end() -> None:
    """36 installments, 300 payments: the claim is the payoff with payment #200 left out, rebuilt by the full
    replay (readings.rebuild); the audit, which replays it from a snapshot, names that reading."""
    from repayplan.arrears import scheduled_payments

    loan = Loan(Decimal("36000"), parse_rate("18%"), 36, start=date(2025, 1, 15))
    policy = PenaltyPolicy(parse_rate("0.05%/day"), grace_days=3)
    payments = [Payment(p.date + timedelta(days=3 * k + (5 if i % 4 == 0 else 0)),
                        loan.policy.round(p.amount / 10) - k)
                for i, p in enumerate(scheduled_payments(loan)[:30]) for k in range(10)]
    on = date(2027, 8, 1)
    st = statement(loan, payments, policy, on)
    claimed = rebuild(loan, payments, policy, on, (Reading(kind="missing", payment=200),)).payoff.total
    assert claimed > st.payoff_amount + payments[200].amount  # the amount, and the penalty on it since
    a = audit_claim(st, claimed, budget=600)
    assert not a.cut_short and a.explained
    named = [e for e in a.explanations if [(r.kind, r.payment) for r in e.readings] == [("missing", 200)]]
    assert named and named[0].basis == "payoff" and named[0].figures.total == claimed


def test_three_payments_missing_are_not_tried_beyond_the_pool_and_that_is_said_apart_from_the_budget() -> None:
    """45 payments of 1.00 (more than MAX_TRIPLE_POOL that could be missing), a claim nothing explains: every
    single reading and pair is tried, triples of payments are not, and the audit says so (not 'cut short')."""
    from repayplan.arrears.search import MAX_TRIPLE_POOL
    from repayplan.report.claim import claim_text

    loan = Loan(Decimal("3000"), parse_rate("0%"), 3, start=date(2025, 1, 1))
    policy = PenaltyPolicy(parse_rate("0.05%/day"), base="overdue-installment")
    payments = [Payment(date(2025, 2, 1) + timedelta(days=k), Decimal("1.00")) for k in range(45)]
    assert len(payments) > MAX_TRIPLE_POOL
    st = statement(loan, payments, policy, date(2025, 4, 1))
    a = audit_claim(st, st.payoff_amount + Decimal("1000.00"), budget=600)
    assert (a.explained, a.cut_short, a.bounded, a.complete) == (False, False, True, 2)
    text = claim_text(a, "en")
    assert "three payments missing together not tried (more than 40 payments could be missing)" in text
    assert "cut short" not in text
    assert "可能未入账的还款超过40笔，三笔同时未入账的组合未核对" in claim_text(a, "zh")
