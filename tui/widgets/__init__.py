"""Reusable widgets (each with DEFAULT_CSS and COMPONENT_CLASSES) and the plain helpers they paint from."""
