#!/usr/bin/env bash
# Builds SANA-FE — a peer simulator (SLAM-Lab, GPL-3), never part of this repository — for the
# side-by-side runs, offline, from git directories of its sources and of the dependencies its
# CMakeLists pins: RapidYAML v0.13.0 with the c4core, cmake, debugbreak and fast_float commits that
# tree pins, and SLAM-Lab's BookSim2 fork (../shared/peers/sanafe-build.md). About 5 minutes on 2 cores.
#
# usage: bench/peer/build_sanafe.sh [BUILD_DIR]        (default: bench/peer/target/sanafe)
# Git directories (bare or not): each by its variable, or $GIT_ROOT/<owner>+<name>/repo for all of them:
#   SANAFE_GIT (SLAM-Lab/SANA-FE), RAPIDYAML_GIT (biojppm/rapidyaml), C4CORE_GIT (biojppm/c4core),
#   C4CMAKE_GIT (biojppm/cmake), DEBUGBREAK_GIT (biojppm/debugbreak), FASTFLOAT_GIT (fastfloat/fast_float),
#   BOOKSIM_GIT (SLAM-Lab/booksim2-sanafe). SANAFE_COMMIT picks SANA-FE's commit (default: its HEAD).
# Prints the path of the built `sim` binary on its last line.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="${1:-$here/target/sanafe}"
root="${GIT_ROOT:-}"
git_of() { # variable, owner+name
    local v="${!1:-}"
    if [ -z "$v" ]; then
        [ -n "$root" ] || { echo "build_sanafe.sh: set $1 or GIT_ROOT (see the header of this script)" >&2; exit 2; }
        v="$root/$2/repo"
    fi
    [ -d "$v" ] || { echo "build_sanafe.sh: $1: $v is not a git directory" >&2; exit 2; }
    if [ -d "$v/.git" ]; then v="$v/.git"; fi
    echo "$v"
}
sanafe=$(git_of SANAFE_GIT SLAM-Lab+SANA-FE)
ryml=$(git_of RAPIDYAML_GIT biojppm+rapidyaml)
c4core=$(git_of C4CORE_GIT biojppm+c4core)
c4cmake=$(git_of C4CMAKE_GIT biojppm+cmake)
debugbreak=$(git_of DEBUGBREAK_GIT biojppm+debugbreak)
fastfloat=$(git_of FASTFLOAT_GIT fastfloat+fast_float)
booksim=$(git_of BOOKSIM_GIT SLAM-Lab+booksim2-sanafe)

commit="${SANAFE_COMMIT:-HEAD}"
sub() { git --git-dir="$1" ls-tree "$2" "$3" | awk '{print $3}'; }   # a submodule's pinned commit
ryml_tag=$(git --git-dir="$sanafe" show "$commit:CMakeLists.txt" | sed -n 's/^set(RYML_VERSION "\(.*\)")/\1/p')
booksim_commit=$(git --git-dir="$sanafe" show "$commit:CMakeLists.txt" | sed -n 's/^set(BOOKSIM_VERSION "\(.*\)")/\1/p')
c4core_commit=$(sub "$ryml" "$ryml_tag" ext/c4core)
cmake_commit=$(sub "$c4core" "$c4core_commit" cmake)
debugbreak_commit=$(sub "$c4core" "$c4core_commit" src/c4/ext/debugbreak)
fastfloat_commit=$(sub "$c4core" "$c4core_commit" src/c4/ext/fast_float)
echo "SANA-FE $(git --git-dir="$sanafe" rev-parse --short "$commit"), RapidYAML $ryml_tag (c4core ${c4core_commit:0:7}), BookSim ${booksim_commit:0:7}" >&2

if [ -x "$build/src/build/sim" ] && [ "$(cat "$build/commit" 2>/dev/null)" = "$(git --git-dir="$sanafe" rev-parse "$commit")" ]; then
    echo "$build/src/build/sim"
    exit 0
fi
rm -rf "$build"
mkdir -p "$build/src" "$build/ryml" "$build/booksim"
unpack() { git --git-dir="$1" archive "$2" -- . "${@:4}" | tar -x -C "$3"; }
unpack "$sanafe" "$commit" "$build/src"
unpack "$ryml" "$ryml_tag" "$build/ryml" ':(exclude)bm'
mkdir -p "$build/ryml/ext/c4core"
unpack "$c4core" "$c4core_commit" "$build/ryml/ext/c4core" ':(exclude)bm'
mkdir -p "$build/ryml/ext/c4core/cmake" "$build/ryml/ext/c4core/src/c4/ext/debugbreak" "$build/ryml/ext/c4core/src/c4/ext/fast_float"
unpack "$c4cmake" "$cmake_commit" "$build/ryml/ext/c4core/cmake"
unpack "$debugbreak" "$debugbreak_commit" "$build/ryml/ext/c4core/src/c4/ext/debugbreak"
unpack "$fastfloat" "$fastfloat_commit" "$build/ryml/ext/c4core/src/c4/ext/fast_float"
unpack "$booksim" "$booksim_commit" "$build/booksim"
cmake -S "$build/src" -B "$build/src/build" -DCMAKE_BUILD_TYPE=Release -DPYTHON_BUILD_ENABLED=OFF -DSTANDALONE_BUILD_ENABLED=ON \
    -DFETCHCONTENT_FULLY_DISCONNECTED=ON -DFETCHCONTENT_SOURCE_DIR_RYML="$build/ryml" \
    -DFETCHCONTENT_SOURCE_DIR_BOOKSIM="$build/booksim" >"$build/cmake.log" 2>&1 || { tail -20 "$build/cmake.log" >&2; exit 1; }
cmake --build "$build/src/build" --target sim -j2 >"$build/build.log" 2>&1 || { tail -30 "$build/build.log" >&2; exit 1; }
git --git-dir="$sanafe" rev-parse "$commit" > "$build/commit"
echo "$build/src/build/sim"
