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
