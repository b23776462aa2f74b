"""Suite-wide: compiled templates are cached in a folder of the test session (subprocesses inherit
it), never in the user's own cache. The package's bytecode is written once before the tests, so that
the ~400 `python -m kh_excel …` subprocesses of the suite do not each compile it again where
PYTHONDONTWRITEBYTECODE is set (as on CI machines)."""
import compileall
import os
import tempfile
from pathlib import Path

os.environ.setdefault("KH_EXCEL_CACHE_DIR", tempfile.mkdtemp(prefix="kh-excel-test-cache-"))

_PACKAGE = Path(__file__).resolve().parent.parent / "src" / "kh_excel"
if _PACKAGE.is_dir():
    compileall.compile_dir(str(_PACKAGE), quiet=2)


# The longest files (measured with --durations, one at a time, -n0), started first: with one worker per core and a
# file's tests on one worker (--dist loadfile), a long file scheduled last is the suite's tail. Since their tests
# were made cheaper (the equivalence tests' drawing, the 300-PDF proof moved to benchmarks/bench_batch.py
# --pdf-proof), the LibreOffice and wheel files lead.
_LONGEST_FIRST = ("test_lint_corpus_sanity.py", "test_wheel.py", "test_batch_pdf.py", "test_attainment_same.py",
                  "test_validation_equivalence.py", "test_direction_written.py", "test_reader_same.py",
                  "test_names_ahead.py")


def pytest_collection_modifyitems(config, items):
    rank = {name: i for i, name in enumerate(_LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))  # stable: the others keep their order
