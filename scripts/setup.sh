#!/usr/bin/env bash
# Set up kh_excel on a fresh Debian/Ubuntu machine and run the main job on the bundled sample.
#   bash scripts/setup.sh               install everything, then check + attainment + report on the sample
#   bash scripts/setup.sh --install-only  install only (used by CI)
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

# Debian packages: LibreOffice (PDF export, independent reader), Liberation fonts
# (metrically equal to Times New Roman), poppler (PDF -> PNG for looking at pages).
need_apt=()
command -v soffice >/dev/null 2>&1 || need_apt+=(libreoffice-writer-nogui libreoffice-calc-nogui)
# fonts-liberation2: Liberation 2.x has the Vietnamese letters (ủ, ộ, ế); 1.07 does not.
dpkg -s fonts-liberation2 >/dev/null 2>&1 || need_apt+=(fonts-liberation2)
command -v pdftoppm >/dev/null 2>&1 || need_apt+=(poppler-utils)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "Cài gói Debian: ${need_apt[*]}"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${need_apt[@]}"
fi

PY=${PYTHON:-python3}
$PY -m pip install -q --disable-pip-version-check -e ".[test]"

if [ "${1:-}" = "--install-only" ]; then exit 0; fi

mkdir -p out
echo "== kh-excel check examples/chi_tieu_2026_lao_cai.xlsx"
kh-excel check examples/chi_tieu_2026_lao_cai.xlsx || true
echo "== kh-excel attainment examples/chi_tieu_2026_lao_cai.xlsx -o out/chi_tieu_danh_gia.xlsx"
kh-excel attainment examples/chi_tieu_2026_lao_cai.xlsx -o out/chi_tieu_danh_gia.xlsx
if kh-excel --help | grep -q " render "; then
  echo "== kh-excel render bao-cao examples/chi_tieu_2026_lao_cai.xlsx -o out/bao-cao.docx --pdf"
  kh-excel render bao-cao examples/chi_tieu_2026_lao_cai.xlsx -o out/bao-cao.docx --pdf
fi
echo "Xong. Kết quả ở thư mục out/."
