"""Suite-wide: compiled templates are cached in a folder of the test session (subprocesses inherit
it), never in the user's own cache."""
import os
import tempfile

os.environ.setdefault("KH_EXCEL_CACHE_DIR", tempfile.mkdtemp(prefix="kh-excel-test-cache-"))
