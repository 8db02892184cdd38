"""Exercise pictures: a posed stick body (model), its geometry (body), dots and characters
(raster), fitting it to a box (render). Which pose a session moment shows is the session's
(coach/core/session/motion.py): the figure knows nothing of sessions."""
