#!/usr/bin/env bash
# Render a workbook as a person would see it on paper: LibreOffice headless
# recalculates the formulas and prints every sheet to PDF (with the page
# setup the workbook asks for), then pdftoppm turns each page into a PNG.
#
#   tools/render_workbook.sh FILE.xlsx [OUTDIR] [DPI]
#
# Writes OUTDIR/FILE.pdf and OUTDIR/FILE-N.png (default OUTDIR: ./render,
# DPI 70). Needs soffice (libreoffice-calc-nogui) and pdftoppm (poppler-utils);
# Chinese labels need a CJK font (fonts-wqy-zenhei or fonts-noto-cjk).
set -euo pipefail
if [ $# -lt 1 ]; then
  sed -n '2,11p' "$0" >&2
  exit 2
fi
file=$1
out=${2:-render}
dpi=${3:-70}
for tool in soffice pdftoppm; do
  command -v "$tool" >/dev/null || { echo "render_workbook: $tool is not installed" >&2; exit 1; }
done
mkdir -p "$out"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
HOME=$profile soffice -env:UserInstallation=file://"$profile"/lo --headless --calc \
  --convert-to pdf --outdir "$out" "$file" >/dev/null 2>&1
pdf="$out/$(basename "${file%.*}").pdf"
[ -s "$pdf" ] || { echo "render_workbook: LibreOffice wrote no PDF for $file" >&2; exit 1; }
pdftoppm -r "$dpi" -png "$pdf" "${pdf%.pdf}"
echo "$pdf: $(ls "${pdf%.pdf}"-*.png | wc -l) page(s) as PNG in $out"
