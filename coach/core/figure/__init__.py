"""Exercise pictures: a posed stick body (model), its geometry (body), dots and characters
(raster), fitting it to a box (render), and which pose a session moment shows (motion)."""
