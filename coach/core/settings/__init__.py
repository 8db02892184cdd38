"""The user's settings and the working hours and days they are written in."""
