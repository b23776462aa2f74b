#!/usr/bin/env bash
# Set up kh_excel on a fresh Debian/Ubuntu machine and run the main job on the bundled sample.
#   bash scripts/setup.sh                 Debian packages, the project's own .venv, then check +
#                                         attainment + report (.docx and .pdf) of the sample into out/
#   bash scripts/setup.sh --install-only  the same without the sample run (CI)
# Everything runs with .venv's own Python and kh-excel, never whatever is first on PATH, and never
# installs into the system Python (PEP 668 systems refuse that). Safe to run again: it reuses what
# is there and renders every time. PYTHON=python3.12 picks the interpreter the venv is made from.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
VENV="$ROOT/.venv"
SAMPLE="examples/chi_tieu_2026_lao_cai.xlsx"
OUT="$ROOT/out"

INSTALL_ONLY=0
for arg in "$@"; do
  case "$arg" in
    --install-only) INSTALL_ONLY=1 ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "LỖI: không hiểu tham số «$arg» (chỉ có --install-only)." >&2; exit 2 ;;
  esac
done

# fail STEP CODE: say loudly which step stopped the set-up, and stop.
fail() {
  echo >&2
  echo "LỖI ở bước «$1» (mã thoát $2). Cài đặt dừng lại; xem thông báo phía trên." >&2
  exit "$2"
}

# step NAME COMMAND...: announce a step, run it, stop loudly when it fails.
step() {
  local name="$1"; shift
  echo "== $name"
  local code=0
  "$@" || code=$?
  if [ "$code" -ne 0 ]; then fail "$name" "$code"; fi
}

SUDO=()
if [ "$(id -u)" -ne 0 ]; then SUDO=(sudo); fi
APT_UPDATED=0
apt_install() {
  if [ "$APT_UPDATED" -eq 0 ]; then
    "${SUDO[@]}" apt-get update -q || return $?
    APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -q --no-install-recommends "$@"
}

# 1. Debian packages: LibreOffice (PDF export, an independent reader), Liberation fonts
#    (metrically equal to Times New Roman; 2.x has the Vietnamese letters ủ, ộ, ế), poppler.
need_apt=()
command -v soffice >/dev/null 2>&1 || need_apt+=(libreoffice-writer-nogui libreoffice-calc-nogui)
dpkg -s fonts-liberation2 >/dev/null 2>&1 || need_apt+=(fonts-liberation2)
command -v pdftoppm >/dev/null 2>&1 || need_apt+=(poppler-utils)
if [ ${#need_apt[@]} -gt 0 ]; then
  step "cài gói Debian: ${need_apt[*]}" apt_install "${need_apt[@]}"
else
  echo "== gói Debian: đã có đủ (LibreOffice, phông Liberation 2, poppler)"
fi

# 2. The project's own virtual environment. Debian's python3 makes one only with python3-venv.
PY="${PYTHON:-python3}"
command -v "$PY" >/dev/null 2>&1 || fail "tìm Python ($PY)" 127
venv_ok() { [ -x "$VENV/bin/python" ] && "$VENV/bin/python" -c "import sys; sys.exit(sys.prefix == sys.base_prefix)"; }
make_venv() {
  rm -rf "$VENV"
  if ! "$PY" -m venv "$VENV"; then
    echo "   (python -m venv không chạy được: cài gói python3-venv rồi thử lại)"
    rm -rf "$VENV"
    apt_install python3-venv && "$PY" -m venv "$VENV"
  fi
}
if venv_ok; then
  echo "== môi trường Python riêng: dùng lại $VENV"
else
  step "tạo môi trường Python riêng $VENV" make_venv
fi

# 3. The package with its test tools, editable (the tests and templates are read from this folder).
#    Skipped when the same pyproject.toml was installed already and kh-excel is there.
STAMP="$VENV/.kh_excel-pyproject.sha256"
want="$(sha256sum pyproject.toml | cut -d' ' -f1)"
have=""
if [ -f "$STAMP" ]; then have="$(cat "$STAMP")"; fi
if [ "$want" = "$have" ] && [ -x "$VENV/bin/kh-excel" ]; then
  echo "== gói kh_excel: đã cài trong $VENV"
else
  step "cài gói kh_excel và công cụ kiểm thử vào $VENV" \
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check -e ".[test]"
  echo "$want" > "$STAMP"
fi
KH="$VENV/bin/kh-excel"
step "kiểm tra lệnh $KH" "$KH" --help >/dev/null

if [ "$INSTALL_ONLY" -eq 1 ]; then
  echo "Xong phần cài đặt. Chạy kiểm thử: .venv/bin/python -m pytest"
  exit 0
fi

# 4. The main job on the bundled sample. check exits 1 when the table has errors (a finding, not
#    a failure of the set-up); 2 or more means it could not run.
mkdir -p "$OUT"
echo "== kh-excel check $SAMPLE"
code=0
"$KH" check "$SAMPLE" || code=$?
if [ "$code" -gt 1 ]; then fail "kh-excel check $SAMPLE" "$code"; fi
step "kh-excel attainment $SAMPLE -o out/chi_tieu_danh_gia.xlsx" \
  "$KH" attainment "$SAMPLE" -o "$OUT/chi_tieu_danh_gia.xlsx"
step "kh-excel render bao-cao $SAMPLE -o out/bao-cao.docx --pdf" \
  "$KH" render bao-cao "$SAMPLE" -o "$OUT/bao-cao.docx" --pdf
for f in chi_tieu_danh_gia.xlsx bao-cao.docx bao-cao.pdf; do
  [ -s "$OUT/$f" ] || fail "kiểm tra tệp kết quả $OUT/$f" 1
done

echo
echo "Xong. Kết quả:"
echo "  $OUT/chi_tieu_danh_gia.xlsx   bảng tính có thêm cột «% so với KH» và «Đánh giá»"
echo "  $OUT/bao-cao.docx             báo cáo kết quả thực hiện các chỉ tiêu (Word)"
echo "  $OUT/bao-cao.pdf              bản PDF của báo cáo"
echo "Chạy kiểm thử: .venv/bin/python -m pytest"
