#!/usr/bin/env bash
# Writes tests/src/test/resources/golden-reports/ from the current sources: the outputs GoldenReportsTest
# compares every later build with. Run it only for a change that is meant to change what a report says,
# and say so in the commit; the inputs/ folder beside them is kept as it is.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mvn -B -ntp -q -pl tests -am test -Dtest=GoldenReportsTest -Dsurefire.failIfNoSpecifiedTests=false -Dcsdsim.golden.write=true
