"""Time: the clock the app reads and the training day an instant counts for."""
