#!/usr/bin/env bash
# Adds up dotnet test's per-project summaries into one closing line: "N passed, N failed, N skipped", after repeating
# each failed test's name and message, so that the end of a long log (all a CI page may show) names what failed.
set -euo pipefail
log=$1
awk '
  /^  Failed / { failing = 1; shown = 0; failures = failures $0 "\n"; next }
  failing && (/^  (Passed|Skipped|Failed) / || /^(Passed|Failed)!/ || shown >= 12) { failing = 0 }
  failing { failures = failures $0 "\n"; shown++ }
  /(Passed|Failed)!/ {
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:")  { f += $(i + 1) + 0 }
      if ($i == "Passed:")  { p += $(i + 1) + 0 }
      if ($i == "Skipped:") { s += $(i + 1) + 0 }
    }
  }
  END {
    if (failures != "") printf "failed tests:\n%s", failures
    printf "%d passed, %d failed, %d skipped\n", p, f, s
  }
' "$log"
