"""The headless nudger's outside world: tmux, the desktop bus, the service files, the popup's
prompt. The decisions are the core's (coach/core/nudge/keeper.py); these only run programs."""

SENSE_S = 15.0  # idle signals are asked this often (each is a program run), by nudger and app
