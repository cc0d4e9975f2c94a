"""Hatch build hook: validate the rule table and tabulate the input model's defaults at build time.

Writes ``hartz_calc/_regeln_vorab.py`` and ``hartz_calc/_felder_vorab.py`` (see src/hartz_calc/vorab.py)
into the wheel, so an installed hartz-calc neither parses nor validates regelsaetze.toml on a run.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class VorabHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict) -> None:
        if self.target_name != "wheel":
            return
        self._ordner = tempfile.TemporaryDirectory(prefix="hartz-calc-vorab-")
        sys.path.insert(0, str(Path(self.root) / "src"))
        try:
            from hartz_calc import vorab

            # an invalid regelsaetze.toml fails the build here (DatenFehler), not a user's run
            dateien = vorab.schreiben(self._ordner.name)
        except ImportError as fehler:  # a module the build environment lacks: the package still works
            self.app.display_warning(f"hartz-calc: rules not precompiled ({fehler}); they are validated at run time")
            return
        finally:
            sys.path.pop(0)
        for datei in dateien:
            build_data["force_include"][str(datei)] = f"hartz_calc/{datei.name}"

    def finalize(self, version: str, build_data: dict, artifact_path: str) -> None:
        ordner = getattr(self, "_ordner", None)
        if ordner is not None:
            ordner.cleanup()
