"""HiGHS, the solver behind the optimal plan, run with limits that do not
depend on the machine's load.

scipy ships HiGHS with its own Python binding (the module its ``milp``
calls). Importing ``scipy.optimize`` to reach it costs 0.35–0.45 s
(measured: the whole linear-algebra stack loads), a third of the 5-debt
plan's second, so the binding is loaded straight from scipy's folder (15 ms);
if that ever fails (another scipy layout), ``scipy.optimize.milp`` runs the
same solver with the same options.

Limits: the search stops after :data:`NODE_LIMIT` branch-and-bound nodes, a
count of work, so the same case gives the same plan and bound on any
machine under any load; the seconds (``--time-limit``) are only an upper
safety bound, and a run stopped by them says so (``time-limit``).

>>> import numpy as np
>>> lp = Program(np.array([1.0, 1.0]), np.zeros(2), np.array([1.0, 1.0]), np.array([1, 0]),
...              ([0, 0], [0, 1], [1.0, 1.0]), [0.5], [np.inf])
>>> r = run(lp, time_limit=5.0)   # x0 binary, x1 in [0, 1], x0 + x1 >= 0.5: x1 = 0.5
>>> r.status, round(r.objective, 6), r.x.tolist()
('optimal', 0.5, [0.0, 0.5])
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

__all__ = ["NODE_LIMIT", "QUICK", "Outcome", "Program", "run"]

#: branch-and-bound nodes before the best plan found is given with its bound (a count, not seconds: the
#: answer does not depend on the machine's load). The 5-debt bench case closes in under 100.
NODE_LIMIT = 400

#: HiGHS's primal heuristics off, and no restart after the root: they found nothing the plan started from
#: (the best rule's payoffs) and branching did not find within a few nodes, and cost most of the time
#: (measured, the 5-debt bench case: 2.4 s of CPU with them, 0.3 s without, the same optimum)
QUICK: tuple[tuple[str, Any], ...] = (
    ("mip_heuristic_effort", 0.0), ("mip_heuristic_run_rins", False), ("mip_heuristic_run_rens", False),
    ("mip_heuristic_run_feasibility_jump", False), ("mip_heuristic_run_root_reduced_cost", False),
    ("mip_allow_restart", False))


@dataclass(frozen=True)
class Program:
    """min c·x over lower ≤ x ≤ upper, ``integrality`` 1 for a binary, row_lo ≤ A·x ≤ row_hi (A as COO)."""

    c: Any
    lower: Any
    upper: Any
    integrality: Any
    coo: tuple[list[int], list[int], list[float]]
    row_lo: list[float]
    row_hi: list[float]


@dataclass(frozen=True)
class Outcome:
    """status: optimal | limit (nodes) | time-limit | infeasible | failed; ``x`` None without a solution."""

    status: str
    x: Any
    objective: float
    dual_bound: float  # no plan of the program costs less (-inf when unknown)
    nodes: int


def run(program: Program, time_limit: float, node_limit: int = NODE_LIMIT, gap: float = 1e-9,
        relax: bool = False, start: Any = None) -> Outcome:
    """Solve; ``relax``: the linear relaxation (every binary a share from 0 to 1); ``start``: a plan of the
    program to begin from (the search then only has to beat it)."""
    import numpy as np

    integrality = np.zeros(len(program.c)) if relax else np.asarray(program.integrality, dtype=float)
    core = _binding()
    if core is None:  # pragma: no cover - only on a scipy without the bundled binding's layout
        return _milp(program, integrality, time_limit, node_limit, gap)
    start_, index, value = _columnwise(program)
    lp = core.HighsLp()
    lp.num_col_, lp.num_row_ = len(program.c), len(program.row_lo)
    lp.col_cost_, lp.col_lower_, lp.col_upper_ = program.c, program.lower, program.upper
    lp.row_lower_, lp.row_upper_ = np.asarray(program.row_lo), np.asarray(program.row_hi)
    lp.a_matrix_.format_ = core.MatrixFormat.kColwise
    lp.a_matrix_.start_, lp.a_matrix_.index_, lp.a_matrix_.value_ = start_, index, value
    if integrality.any():
        lp.integrality_ = [core.HighsVarType.kInteger if v else core.HighsVarType.kContinuous for v in integrality]
    highs = core._Highs()
    for key, value in (("output_flag", False), ("time_limit", max(time_limit, 0.05)), ("mip_rel_gap", gap),
                       ("mip_max_nodes", node_limit), ("random_seed", 0), ("threads", 1), *QUICK):
        highs.setOptionValue(key, value)
    highs.passModel(lp)
    if start is not None and integrality.any():
        given = core.HighsSolution()
        given.col_value = np.asarray(start, dtype=float)
        given.value_valid = True
        highs.setSolution(given)
    highs.run()
    state = highs.getModelStatus()
    info = highs.getInfo()
    names = core.HighsModelStatus
    status = ("optimal" if state == names.kOptimal else "time-limit" if state == names.kTimeLimit
              else "infeasible" if state in (names.kInfeasible, names.kUnboundedOrInfeasible)
              else "limit" if state in (names.kSolutionLimit, names.kIterationLimit) else "failed")
    solution = highs.getSolution()
    has_x = info.primal_solution_status == core.kSolutionStatusFeasible
    x = np.asarray(solution.col_value) if has_x else None
    objective = info.objective_function_value if has_x else math.inf
    bound = info.mip_dual_bound if integrality.any() else (objective if status == "optimal" else -math.inf)
    return Outcome(status, x, objective, bound if math.isfinite(bound) else -math.inf,
                   max(info.mip_node_count, 0))


def _columnwise(program: Program) -> tuple[Any, Any, Any]:
    """The matrix column by column (HiGHS's own layout), built with numpy: scipy.sparse would cost 0.2 s to
    import. Each (row, column) appears once (a row is built from a dict of columns)."""
    import numpy as np

    rows, cols, vals = (np.asarray(v) for v in program.coo)
    order = np.lexsort((rows, cols))
    counts = np.bincount(cols, minlength=len(program.c)) if len(cols) else np.zeros(len(program.c), dtype=int)
    start = np.concatenate(([0], np.cumsum(counts))).astype(np.int32)
    return start, rows[order].astype(np.int32), vals[order].astype(float)


def _milp(program: Program, integrality: Any, time_limit: float, node_limit: int,
          gap: float) -> Outcome:  # pragma: no cover - the fallback
    import numpy as np
    from scipy.optimize import Bounds, LinearConstraint, milp
    from scipy.sparse import coo_array

    rows, cols, vals = program.coo
    matrix = coo_array((vals, (rows, cols)), shape=(len(program.row_lo), len(program.c))).tocsr()
    res = milp(program.c, integrality=integrality, bounds=Bounds(program.lower, program.upper),
               constraints=LinearConstraint(matrix, np.asarray(program.row_lo), np.asarray(program.row_hi)),
               options={"time_limit": max(time_limit, 0.05), "mip_rel_gap": gap, "node_limit": node_limit,
                        "presolve": True})
    status = {0: "optimal", 2: "infeasible"}.get(res.status, "time-limit" if "ime" in res.message else "limit")
    bound = getattr(res, "mip_dual_bound", None)
    if bound is None or not math.isfinite(bound):
        bound = res.fun if res.status == 0 else -math.inf
    return Outcome(status, res.x, res.fun if res.x is not None else math.inf, bound,
                   getattr(res, "mip_node_count", 0) or 0)


_CORE: list[Any] = []


def _binding() -> Any:
    """scipy's HiGHS binding, loaded from its file without ``scipy.optimize`` (None when that fails)."""
    if _CORE:
        return _CORE[0]
    import sys

    name = "scipy.optimize._highspy._core"
    core = sys.modules.get(name)
    if core is None:
        try:
            from importlib.machinery import EXTENSION_SUFFIXES, ExtensionFileLoader
            from importlib.util import module_from_spec, spec_from_file_location
            from pathlib import Path

            import scipy

            folder = Path(scipy.__file__).parent / "optimize" / "_highspy"
            path = next(folder / f"_core{s}" for s in EXTENSION_SUFFIXES if (folder / f"_core{s}").exists())
            loader = ExtensionFileLoader(name, str(path))
            spec = spec_from_file_location(name, path, loader=loader)
            assert spec is not None
            core = module_from_spec(spec)
            loader.exec_module(core)
            core._Highs, core.HighsLp, core.HighsModelStatus  # noqa: B018 - the names this module uses
        except Exception:  # noqa: BLE001 - any failure: the public milp runs the same solver
            core = None
    _CORE.append(core)
    return core
