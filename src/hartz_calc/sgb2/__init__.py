"""SGB II (Grundsicherung für Arbeitsuchende): one module per legal topic.

Imports run down this list, never back up:
``berechnung``/``zeitraum`` (one month, a period: § 41) → ``aufrechnung`` (§§ 42a, 43) →
``minderung`` (§§ 31–32) → ``verteilung`` (§ 9 Abs. 2, § 19 Abs. 3) → ``einkommen`` (§§ 11–11b) →
``unterkunft`` (§ 22) → ``mehrbedarf`` (§§ 21, 23) → ``regelbedarf`` (§§ 20, 23) →
``bedarfsgemeinschaft`` (§ 7, the month's members) → ``schwangerschaft`` (§ 21 Abs. 2 window).
Other laws (WoGG, BKGG) live in packages of their own beside this one; the machinery (input
model, rule table, money, API, batch, CLI, renderers) sits in the package root below or above.
"""
