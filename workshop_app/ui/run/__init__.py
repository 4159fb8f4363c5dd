"""Run mode: the Run page, the presenter display, the countdown widget and the chimes."""
