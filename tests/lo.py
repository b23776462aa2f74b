"""LibreOffice headless for tests: convert files with a private profile, under a time limit."""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path


def soffice() -> str:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    assert exe, "LibreOffice (soffice) is not installed: run scripts/setup.sh"
    return exe


def convert(files: list[Path], fmt: str, outdir: Path, timeout: float = 180) -> list[Path]:
    """Convert files in one soffice process; returns the output paths (asserting each exists)."""
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as prof:
        subprocess.run([soffice(), "--headless", "--norestore", f"-env:UserInstallation=file://{prof}",
                        "--convert-to", fmt, "--outdir", str(outdir), *map(str, files)],
                       check=True, capture_output=True, timeout=timeout)
    ext = fmt.split(":")[0]
    outs = [outdir / (Path(f).stem + "." + ext) for f in files]
    missing = [o for o in outs if not o.exists()]
    assert not missing, f"LibreOffice did not write {missing}"
    return outs
