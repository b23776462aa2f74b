"""Headless batch generation: many documents (one per lead agency, or one per workbook) in one run.

Modules: `inputs` (which files), `naming` (safe, stable output names), `plan` (what to make),
`state` (index, journal, lock and cleanup of the output folder), `worker` (what one process
does), `pdfstep` (the PDF stage), `progress` (what the user sees), `runner` (the run) and
`cli` (the `kh-excel batch` command and its TOML manifest).
"""
