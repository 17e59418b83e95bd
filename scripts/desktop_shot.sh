#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Screenshot of the real QGIS desktop (French, plugin enabled) under Xvfb.
#
#   scripts/desktop_shot.sh OUT.png [PROJECT.qgz] [STARTUP.py] [SECONDS]
#
# STARTUP.py runs inside QGIS once the window is up (it gets `iface`); the
# default one opens the workshop dock. Uses the staged plugin (make stage).
set -euo pipefail
out=$(realpath -m "$1"); project=${2:-}; startup=${3:-}; wait_s=${4:-25}
repo=$(cd "$(dirname "$0")/.." && pwd)
profile="$repo/build/shot-profile"
rm -rf "$profile"; mkdir -p "$profile/profiles/default/QGIS"
cat >"$profile/profiles/default/QGIS/QGIS3.ini" <<INI
[PythonPlugins]
poix_atelier_plugin=true
[locale]
overrideFlag=true
userLocale=fr_FR
globalLocale=fr_FR
[qgis]
showTips%5C322=false
checkVersion=false
[UI]
Customization%5Cenabled=false
INI
code="$profile/startup.py"
{
  echo "from qgis.utils import iface, plugins"
  echo "from qgis.PyQt.QtCore import QTimer"
  echo "def _atelier_shot():"
  echo "    iface.mainWindow().setGeometry(0, 0, 1600, 1000)"
  echo "    plugins['poix_atelier_plugin'].dock_action.setChecked(True)"
  if [ -n "$startup" ]; then sed 's/^/    /' "$startup"; fi
  echo "QTimer.singleShot(3000, _atelier_shot)"
} >"$code"
args=(--nologo --noversioncheck --code "$code")
if [ -n "$project" ]; then
  # Open a copy: QGIS killed at the end must not leave WAL files in the sample.
  copy="$repo/build/shot-data"; rm -rf "$copy"; mkdir -p "$copy"
  src=$(dirname "$(realpath "$project")")
  cp "$project" "$copy/"
  [ -d "$src/sample" ] && cp -r "$src/sample" "$copy/"
  args+=(--project "$copy/$(basename "$project")")
fi
export QGIS_CUSTOM_CONFIG_PATH="$profile" QGIS_PLUGINPATH="$repo/build/stage"
xvfb-run -a -s "-screen 0 1600x1000x24" bash -c "
  qgis ${args[*]@Q} >\"$profile/qgis.log\" 2>&1 &
  pid=\$!
  sleep $wait_s
  import -window root \"$out\"
  kill \$pid; wait \$pid 2>/dev/null || true"
echo "screenshot: $out"
