"""Shared test setup: hypothesis profiles and small fixtures.

Profiles (select with the environment variable ``HYPOTHESIS_PROFILE``, default ``ci``):
- ``ci``: about 60 examples per property, no deadline (2-core CI runners are slow and noisy);
- ``dev``: 300 examples, for a thorough local run before a release.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
sys.path.insert(0, str(TESTS))  # `import strategien` from every test module

settings.register_profile(
    "ci",
    max_examples=60,
    deadline=None,
    derandomize=False,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
)
settings.register_profile(
    "dev",
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# hermetic runs: no rules file, KdU table or configuration file of the machine running the tests
# (docs/regeln.md); tests that need them set them themselves
for _variable in ("HARTZ_CALC_REGELN", "HARTZ_CALC_KDU", "HARTZ_CALC_KONFIG"):
    os.environ.pop(_variable, None)
os.environ["XDG_CONFIG_HOME"] = os.path.join(tempfile.gettempdir(), "hartz-calc-tests-ohne-konfiguration")

SHARED_EXAMPLES = REPO.parent / "shared" / "examples"
"""The project's public acceptance examples (outside the repository, next to it)."""


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def beispiele_dir() -> Path:
    return REPO / "examples"


@pytest.fixture
def rechne():
    """Compute a household given as a dict (format 1) and return the JSON result as data, numbers as
    Decimal: ``rechne({...})["personen"][0]["regelbedarf"]``."""
    from helfer import rechne_dict

    return rechne_dict


@pytest.fixture
def cli(capsys):
    """Run the CLI in-process: ``code, out, err = cli("calc", "file.yaml", "--format", "json")``."""
    from hartz_calc.cli.main import run

    def ausfuehren(*argumente: str):
        code = run(list(argumente))
        erfasst = capsys.readouterr()
        return code, erfasst.out, erfasst.err

    return ausfuehren
