import gc

gc.disable()  # until the first frame: coach/ui/sweeps.py

from coach.cli import main  # noqa: E402 - after the collector is off

raise SystemExit(main())
