"""``python -m onrecord`` runs the command line."""

from onrecord.cli import main

main()
