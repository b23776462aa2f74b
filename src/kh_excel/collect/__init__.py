"""Data-entry forms out to the lead agencies, their results back into the master table.

forms.py writes one workbook per lead agency; returned.py reads and matches a returned
workbook; merge.py decides what goes into the master and writes the merged copy;
report.py prints the per-agency report; cli.py holds `kh-excel forms` and `kh-excel collect`.
"""
