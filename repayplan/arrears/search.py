"""The search behind the claim audit (:mod:`repayplan.arrears.audit`): replays of the statement under sets of
readings, within a time budget, keeping those that give the claim exactly.

Singles, then pairs, then triples, stopping after the size at which something explains the claim. Payments
not credited are tried only where provable bounds admit the claim, nearest the estimate first; a payment's or
the notice's day is found by binary search (:func:`find_day`), the figures only growing with the date between
payments.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from itertools import combinations

from ..model import Loan
from .engine import checked_payments, replayed
from .incremental import Track
from .policy import Payment, PenaltyPolicy
from .readings import (
    CLAIM_BASES,
    POLICY_KINDS,
    Figures,
    Reading,
    Rebuild,
    changed_inputs,
    compatible,
    extra_bound,
    policy_readings,
    read,
)
from .statement import Statement

#: the window searched for a notice dated another day: this many days before and after ``claimed_on``
DATED_BEFORE, DATED_AFTER = 62, 31
#: at most this many explanations are kept (fewest readings first)
MAX_EXPLANATIONS = 12
#: triples of payments are tried only up to this many payments that could be missing
MAX_TRIPLE_POOL = 40



@dataclass(frozen=True)
class Claim:
    """A notice's figure and the day it states it for."""

    amount: Decimal
    on: date


@dataclass(frozen=True)
class Explanation:
    """Readings under which the rebuilt figure on ``basis`` equals the claim; ``difference`` is what they add to
    the contract's figure on that basis (the claim's difference)."""

    readings: tuple[Reading, ...]
    basis: str
    figures: Figures
    difference: Decimal


def key_of(readings: Sequence[Reading]) -> tuple[Reading, ...]:
    return tuple(sorted(readings, key=lambda r: (r.kind, r.payment if r.payment is not None else -1, r.value,
                                                 r.on or date.min)))


class Search:
    """The replays of one audit (private, mutable): a cache, the budget, the matches found."""

    def __init__(self, loan: Loan, payments: list[Payment], policy: PenaltyPolicy, claim: Claim,
                 deadline: float) -> None:
        self.loan, self.policy, self.claim, self.deadline = loan, policy, claim, deadline
        self.payments = checked_payments(loan, payments)
        self.rebuilds: dict[tuple[tuple[Reading, ...], bool], Rebuild] = {}
        self.statements: dict[tuple[Reading, ...], Statement] = {}
        self.found: list[Explanation] = []
        self.tried = 0
        self.cut = False
        self.bounded = False  # triples of payments missing not tried: more than MAX_TRIPLE_POOL could be missing
        self.complete = 0  # every set of up to this many readings was tried
        self.slack = loan.policy.quantum * (len(payments) + 2 * loan.term + 2)  # rounding: a cent per term
        self.readings = policy_readings(policy)
        self._terms: dict[tuple[Reading, ...], tuple[PenaltyPolicy, date, Decimal]] = {}
        self.tracks: dict[tuple[Reading, ...], Track] = {}

    # -- replays -----------------------------------------------------------------
    def over(self) -> bool:
        """The budget has run out (said once, in ``cut``)."""
        if not self.cut and time.perf_counter() > self.deadline:
            self.cut = True
        return self.cut

    def statement(self, readings: Sequence[Reading], force: bool = False) -> Statement | None:
        """The statement under the readings (acceleration aside), or None when the budget has run out (unless
        ``force``). Each set of penalty terms is replayed in full once (a :class:`Track`); a change of the
        payments or of the date is replayed from that track's snapshot at the first day it touches."""
        key = key_of([r for r in readings if r.kind != "accelerated"])
        st = self.statements.get(key)
        if st is None:
            if self.statements and not force and self.over():
                return None
            terms = tuple(r for r in key if r.kind in POLICY_KINDS)
            if len(terms) == len(key):  # the penalty terms only: a plain replay (no snapshots unless needed later)
                changed = changed_inputs((), self.policy, self.claim.on, terms)[1]
                st = replayed(self.loan, [p for p in self.payments if p.date <= self.claim.on], changed,
                              self.claim.on)
            else:
                st = self.track(terms).statement(
                    missing={r.payment for r in key if r.kind == "missing" and r.payment is not None},
                    credited={r.payment: r.on for r in key if r.kind == "credited" and r.payment is not None
                              and r.on},
                    on=next((r.on for r in key if r.kind == "dated"), None))
            self.statements[key] = st
            self.tried += 1
        return st

    def track(self, terms: tuple[Reading, ...]) -> Track:
        """The history replayed under the penalty terms as the readings change them, with its snapshots."""
        track = self.tracks.get(terms)
        if track is None:
            changed = changed_inputs((), self.policy, self.claim.on, terms)[1]
            track = self.tracks[terms] = Track(self.loan, self.payments, changed, self.claim.on, checked=True)
        return track

    def rebuild(self, readings: Sequence[Reading]) -> Rebuild | None:
        """The statement under the readings read on both bases (cached: reading a statement sums its lines)."""
        key = key_of(readings)
        accelerated = any(r.kind == "accelerated" for r in readings)
        rb = self.rebuilds.get((key, accelerated))
        if rb is None:
            st = self.statement(readings)
            if st is None:
                return None
            rb = self.rebuilds[(key, accelerated)] = read(st, key, accelerated)
        return rb

    def matches(self, readings: Sequence[Reading]) -> bool:
        """Replay the readings (and, room permitting, with acceleration too); record every exact match."""
        plain = self.rebuild(readings)
        if plain is None:
            return False
        hit = any([self.record(plain, basis) for basis in CLAIM_BASES])
        if len(readings) < 3 and not any(r.kind == "accelerated" for r in readings):
            rb = self.rebuild((*readings, Reading(kind="accelerated")))
            if rb is not None and rb.payoff != plain.payoff:  # accelerated, everything is due: one basis
                hit = self.record(rb, "payoff") or hit
        return hit

    def record(self, rb: Rebuild, basis: str) -> bool:
        figures = rb.figures(basis)
        if figures.total != self.claim.amount:
            return False
        keys = set(rb.readings)
        if any(e.basis == basis and set(e.readings) <= keys for e in self.found):
            return True  # a smaller set already explains it: this one only adds a reading that changes nothing
        plain = self.rebuilds[((), False)].figures(basis)
        self.found.append(Explanation(rb.readings, basis, figures, figures.total - plain.total))
        return True

    # -- the search ----------------------------------------------------------------
    def policy_sets(self, size: int) -> Iterator[tuple[Reading, ...]]:
        for combo in combinations(self.readings, size):
            if compatible(combo, self.policy):
                yield combo

    def run(self) -> list[Rebuild]:
        """Singles, then pairs, then triples (stopping after the size where something explains the claim);
        within each, penalty readings, then payments not credited, then the notice's date, then a payment's."""
        singles: list[Rebuild] = []
        for size in (1, 2, 3):
            for combo in self.policy_sets(size):
                self.matches(combo)
                if size == 1:
                    rb = self.rebuild(combo)
                    if rb is not None:
                        singles.append(rb)
            if size == 1:
                accelerated = self.rebuild((Reading(kind="accelerated"),))
                if accelerated is not None and accelerated.payoff != self.rebuild(()).payoff:  # type: ignore[union-attr]
                    singles.append(accelerated)
            for others in self.policy_sets(size - 1) if size > 1 else iter([()]):
                self.missing(others, 1)
            if size >= 2:
                self.missing((), size)
            for others in self.policy_sets(size - 1) if size > 1 else iter([()]):
                self.dated(others)
            if size <= 2:
                for others in self.policy_sets(size - 1) if size > 1 else iter([()]):
                    self.credited(others)
            if not (self.cut or self.bounded):
                self.complete = size
            if self.cut or self.found:  # the simplest explanations: no more readings than needed
                break
        return singles

    def targets(self, others: tuple[Reading, ...], room: int) -> list[tuple[str, Decimal, bool]] | None:
        """(basis, what the payments must add, accelerated) for the claim, given the other readings."""
        plain = self.rebuild(others)
        if plain is None:
            return None
        out = [(basis, self.claim.amount - plain.figures(basis).total, False) for basis in CLAIM_BASES]
        if room > 0:
            accelerated = self.rebuild((*others, Reading(kind="accelerated")))
            if accelerated is not None and accelerated.payoff != plain.payoff:
                out.append(("payoff", self.claim.amount - accelerated.payoff.total, True))
        return out

    def terms(self, others: tuple[Reading, ...]) -> tuple[PenaltyPolicy, date, Decimal]:
        """(penalty policy, statement date, daily penalty rate) under the other readings, cached."""
        key = key_of(others)
        if key not in self._terms:
            _, changed, day, _ = changed_inputs((), self.policy, self.claim.on, others)
            rate = changed.resolved_rate(self.loan.rate)
            self._terms[key] = (changed, day, rate.daily(self.loan.day_count) if rate is not None else Decimal(0))
        return self._terms[key]

    def bounds(self, others: tuple[Reading, ...], index: int) -> tuple[Decimal, Decimal, Decimal]:
        """(least, most, estimate) a missing payment adds to the payoff under the other readings."""
        st = self.statements[key_of(others)]
        p = self.payments[index]
        changed, day, daily = self.terms(others)
        estimate = p.amount * (1 + daily * max(0, (day - p.date).days))
        return p.amount - self.slack, p.amount + extra_bound(changed, self.loan, st, p.amount, p.date, day), estimate

    def missing(self, others: tuple[Reading, ...], count: int) -> None:
        """Sets of ``count`` payments not credited, with the other readings, whose bounds admit the claim."""
        room = 3 - len(others) - count
        targets = self.targets(others, room)
        if targets is None:
            return
        st = self.statements[key_of(others)]
        day = self.terms(others)[1]
        pool = [i for i, p in enumerate(self.payments) if p.date <= day and p.amount > 0]
        if count == 3 and len(pool) > MAX_TRIPLE_POOL:
            self.bounded = True  # the search's own bound, not the budget: said apart
            return
        bounds = {i: self.bounds(others, i) for i in pool}
        ranked: list[tuple[Decimal, tuple[int, ...], bool]] = []
        for n, combo in enumerate(combinations(pool, count)):
            if n % 4096 == 4095 and self.over():
                return
            lo = sum(bounds[i][0] for i in combo)
            hi = sum(bounds[i][1] for i in combo)
            est = sum(bounds[i][2] for i in combo)
            for basis, need, accelerated in targets:
                floor = lo - (st.credit if basis == "past-due" else 0)
                if floor <= need <= hi:
                    ranked.append((abs(est - need), combo, accelerated))
        ranked.sort(key=lambda x: x[0])
        done: set[tuple[tuple[int, ...], bool]] = set()
        for _, combo, accelerated in ranked:
            if (combo, accelerated) in done:
                continue
            done.add((combo, accelerated))
            readings = (*others, *(self.reading("missing", i) for i in combo))
            rb = self.rebuild((*readings, Reading(kind="accelerated")) if accelerated else readings)
            if rb is None:
                return
            for basis in ("payoff",) if accelerated else CLAIM_BASES:
                self.record(rb, basis)

    def reading(self, kind: str, index: int, on: date | None = None) -> Reading:
        p = self.payments[index]
        return Reading(kind=kind, payment=index, amount=p.amount, paid_on=p.date, on=on)

    def dated(self, others: tuple[Reading, ...]) -> None:
        """The figure computed on another day near the claim's: binary search between payments (within them
        the figures only grow with the date)."""
        on, start = self.claim.on, self.loan.start
        first, last = max(start, on - timedelta(days=DATED_BEFORE)), on + timedelta(days=DATED_AFTER)
        cuts = sorted({p.date for p in self.payments if first < p.date <= last} | {on, on + timedelta(days=1)})
        edges = [first, *[d for d in cuts if d > first], last + timedelta(days=1)]
        for lo, hi in zip(edges, edges[1:], strict=False):
            days = [d for d in (lo + timedelta(days=k) for k in range((hi - lo).days)) if d != on]
            if not days:
                continue
            for accelerated in (False, True) if len(others) < 2 else (False,):
                for basis in ("payoff",) if accelerated else CLAIM_BASES:
                    def at(i: int, basis: str = basis, accelerated: bool = accelerated,
                           days: list[date] = days) -> Decimal | None:
                        rb = self.rebuild(self.with_date(others, days[i], accelerated))
                        return None if rb is None else rb.figures(basis).total
                    i = find_day(len(days), at, self.claim.amount, last=days[0] < on)  # the day nearest the claim's
                    if i is not None:
                        rb = self.rebuild(self.with_date(others, days[i], accelerated))
                        if rb is not None:
                            self.record(rb, basis)
                    if self.cut:
                        return

    @staticmethod
    def with_date(others: tuple[Reading, ...], day: date, accelerated: bool) -> tuple[Reading, ...]:
        return (*others, Reading(kind="dated", on=day), *((Reading(kind="accelerated"),) if accelerated else ()))

    def credited(self, others: tuple[Reading, ...]) -> None:
        """Each payment credited on a later day than it was made, up to the claim's date: binary search (the later
        it is credited, the more it costs). Payments nearest the claim first."""
        targets = self.targets(others, 0)
        if targets is None:
            return
        on = self.claim.on
        for index in sorted(range(len(self.payments)), key=lambda i: self.payments[i].date, reverse=True):
            p = self.payments[index]
            if p.date >= on or p.amount <= 0:
                continue
            if self.over():
                return
            lo, hi, _ = self.bounds(others, index)
            most = hi - p.amount + self.slack
            for basis, need, _ in targets:
                if not -self.slack <= need <= most:
                    continue
                def at(i: int, basis: str = basis, index: int = index, paid: date = p.date) -> Decimal | None:
                    rb = self.rebuild((*others, self.reading("credited", index, paid + timedelta(days=i + 1))))
                    return None if rb is None else rb.figures(basis).total
                i = find_day((on - p.date).days, at, self.claim.amount, low_first=need <= 0)
                if i is not None:
                    rb = self.rebuild((*others, self.reading("credited", index, p.date + timedelta(days=i + 1))))
                    if rb is not None:
                        self.record(rb, basis)
                if self.cut:
                    return

    def maximum(self) -> Rebuild | None:
        """The payoff with every penalty reading at its dearest: each base with compounding, the payment day
        counted and no grace; the largest."""
        dearest: Rebuild | None = None
        p = self.policy
        for reading in [Reading(kind="base", value=b) for b in ("outstanding", "overdue-installment",
                                                              "overdue-principal")]:
            readings = [] if reading.value == p.base else [reading]
            if p.rate is not None:
                if reading.value != "overdue-installment" and not p.compound:
                    readings.append(Reading(kind="compound", value="on"))
                if not p.count_payment_day:
                    readings.append(Reading(kind="payment-day", value="on"))
            if p.grace_days:
                readings.append(Reading(kind="no-grace"))
            st = self.statement(readings, force=True)
            assert st is not None  # forced: never cut
            rb = read(st, key_of(readings))
            if dearest is None or rb.payoff.total > dearest.payoff.total:
                dearest = rb
            if p.rate is None:
                break
        return dearest


def find_day(n: int, at: Callable[[int], Decimal | None], target: Decimal, last: bool = False,
             low_first: bool = False) -> int | None:
    """The first (``last``: the last) position in 0..n-1 where a non-decreasing ``at`` equals ``target``, or None
    (also when cut short). The ends are tried first, the low one first with ``low_first`` (where the target is
    likely below everything): most targets lie outside, and one or two calls tell.

    >>> tens = lambda i: Decimal(i // 2 * 10)   # 0, 0, 10, 10, 20
    >>> find_day(5, tens, Decimal(10)), find_day(5, tens, Decimal(10), last=True), find_day(5, tens, Decimal(5))
    (2, 3, None)
    """
    if n <= 0:
        return None
    ends = {}
    for i in ((0, n - 1) if low_first else (n - 1, 0)):
        value = at(i)
        if value is None:
            return None
        ends[i] = value
        if (value > target if i == 0 else value < target):
            return None  # below the least or above the most
        if value == target and i == (n - 1 if last else 0):
            return i
    lo, hi, found = 0, n - 1, None
    while lo <= hi:
        mid = (lo + hi) // 2
        value = ends[mid] if mid in ends else at(mid)
        if value is None:
            return None
        if value == target:
            found = mid
        if value < target or (last and value == target):
            lo = mid + 1
        else:
            hi = mid - 1
    return found
