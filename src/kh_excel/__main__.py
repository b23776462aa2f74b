"""`python -m kh_excel` is `kh-excel`."""
from kh_excel.cli import main

main()
