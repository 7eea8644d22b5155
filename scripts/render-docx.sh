#!/usr/bin/env bash
# Renders report files (.docx, or the .xlsx with its report sheets) to page images, to look at them as a
# reviewer would: LibreOffice headless converts to PDF, pdftoppm rasterises each page to PNG.
# Needs the Debian packages libreoffice-writer-nogui (libreoffice-calc-nogui for .xlsx) and
# poppler-utils; not needed by CI.
#   scripts/render-docx.sh OUT_DIR FILE.docx [FILE2.docx …]   → OUT_DIR/<name>-<page>.png
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "usage: $0 OUT_DIR FILE.docx [FILE…]" >&2
  exit 1
fi
out=$1
shift
mkdir -p "$out"
for bin in soffice pdftoppm; do
  command -v "$bin" >/dev/null || { echo "$bin not found: apt-get install -y libreoffice-writer-nogui poppler-utils" >&2; exit 1; }
done
# A private profile, so a running LibreOffice or a first-start dialog never interferes.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
for file in "$@"; do
  name=$(basename "${file%.*}")
  soffice -env:UserInstallation=file://"$profile" --headless --convert-to pdf --outdir "$out" "$file" >/dev/null
  pdftoppm -png -r "${DPI:-70}" "$out/$name.pdf" "$out/$name"
  echo "$out/$name.pdf: $(ls "$out/$name"-*.png | wc -l) pages"
done
