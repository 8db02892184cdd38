"""Stand-up nudges: the sitting timer, the posture checklist, the notifications (the working
hours they keep to are settings: coach/core/settings)."""
