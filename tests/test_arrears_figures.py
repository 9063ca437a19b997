"""The batch's figures-only replay says what the full statement says, to the cent, on any history."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from repayplan.arrears import statement
from repayplan.arrears.figures import figures
from tests.test_arrears_properties import cases


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases())
def test_figures_are_the_statements(case: tuple) -> None:  # type: ignore[type-arg]
    loan, policy, payments, as_of = case
    s = statement(loan, payments, policy, as_of)
    f = figures(loan, payments, policy, as_of)
    assert f.position == s.position
    assert [str(v) for v in (f.position.principal, f.position.overdue_principal, f.position.interest,
                             f.position.accrued_interest, f.position.penalty, f.position.fees, f.position.credit,
                             f.position.total)] == [
        str(v) for v in (s.outstanding_principal, s.overdue_principal, s.overdue_interest, s.accrued_interest,
                         s.penalty_interest, s.fees, s.credit, s.payoff_amount)]
    assert (str(f.total_paid), str(f.total_due), f.days_past_due) == (str(s.total_paid), str(s.total_due),
                                                                      s.days_past_due)
