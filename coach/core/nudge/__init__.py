"""Stand-up nudges: the sitting timer, working hours, the posture checklist, the notifications."""
