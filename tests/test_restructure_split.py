"""Frozen amounts shared over installments: :func:`repayplan.restructure.shapes.split` against the rule
written part by part (each part's room filled from the components in the allocation order)."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from repayplan.money import MoneyPolicy
from repayplan.plans import COMPONENT_FIELDS, Components
from repayplan.restructure.shapes import split


def by_part(amounts: Components, n: int, policy: MoneyPolicy, order: tuple[str, ...]) -> list[Components]:
    left = {c: int(amounts.get(c).scaleb(policy.minor_units)) for c in COMPONENT_FIELDS}
    total = sum(left.values())
    parts = []
    for k in range(n):
        room = total // n if k < n - 1 else total - (total // n) * (n - 1)
        taken = dict.fromkeys(COMPONENT_FIELDS, 0)
        for c in [*order, *(c for c in COMPONENT_FIELDS if c not in order)]:
            take = min(room, left[c])
            taken[c] += take
            left[c] -= take
            room -= take
        parts.append(Components(*(Decimal(taken[c]).scaleb(-policy.minor_units) for c in COMPONENT_FIELDS)))
    return parts


units = st.one_of(st.just(0), st.integers(0, 60), st.integers(0, 10**7))
orders = st.sampled_from([("fees", "interest", "penalty", "principal"), ("penalty", "interest"),
                          ("interest", "fees", "interest"), ()])


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(["CNY", "JPY"]), st.tuples(units, units, units, units), st.integers(1, 80), orders)
def test_split_is_the_rule_part_by_part(currency: str, amounts: tuple[int, ...], n: int,
                                        order: tuple[str, ...]) -> None:
    policy = MoneyPolicy(currency)
    frozen = Components(*(Decimal(a).scaleb(-policy.minor_units) for a in amounts))
    parts = split(frozen, n, policy, order)
    reference = by_part(frozen, n, policy, order)
    assert [[str(p.get(c)) for c in COMPONENT_FIELDS] for p in parts] == \
        [[str(p.get(c)) for c in COMPONENT_FIELDS] for p in reference]
    assert sum((p.total for p in parts), Decimal(0)) == frozen.total


def test_a_hand_worked_split() -> None:
    # 30.00 fees and 70.00 interest over 3: 33.33 each, the last 33.34; fees first (30.00 + 3.33 interest)
    parts = split(Components(interest=Decimal("70.00"), fees=Decimal("30.00")), 3, MoneyPolicy())
    assert [(str(p.fees), str(p.interest)) for p in parts] == [("30.00", "3.33"), ("0.00", "33.33"),
                                                               ("0.00", "33.34")]


def test_a_plans_basis_made_when_read_is_the_texts_made_at_once() -> None:
    """apply leaves its basis texts to be made when first read: the plan then equals, prints, copies and
    pickles as a plan given those texts at once."""
    import copy
    import pickle
    from dataclasses import replace
    from datetime import date

    from repayplan import Loan, parse_rate
    from repayplan.model import Position
    from repayplan.plans import Later, Plan
    from repayplan.restructure import SetRate, Term, Waive, apply

    loan = Loan(Decimal("36000"), parse_rate("18%"), 36, start=date(2025, 1, 1))
    owed = Position(date(2026, 1, 10), Decimal("24000.00"), Decimal("3000.00"), interest=Decimal("400.00"),
                    penalty=Decimal("250.00"), fees=Decimal("60.00"), policy=loan.policy, loan=loan)
    steps = [Waive(("penalty",)), SetRate(parse_rate("0%")), Term(24)]
    plan = apply(owed, steps)
    assert type(plan.__dict__["_basis"]) is Later  # nothing made yet
    texts = plan.basis
    assert type(texts) is tuple and all(isinstance(t, str) for t in texts) and plan.basis is texts
    # the position in words: 24,000.00 + 400.00 + 250.00 + 60.00 = 24,710.00
    assert texts[0] == "owed on 2026-01-10: principal 24,000.00, interest 400.00, penalty 250.00, fees 60.00; " \
        "total 24,710.00"
    made = replace(apply(owed, steps), basis=texts)
    later = apply(owed, steps)
    assert later == made and repr(apply(owed, steps)) == repr(made)
    assert pickle.loads(pickle.dumps(apply(owed, steps))) == made
    assert copy.deepcopy(apply(owed, steps)).basis == texts
    assert Plan("x", owed, owed.as_of, (), (), basis=Later(("a", lambda: "b"))).basis == ("a", "b")
