"""Report mode: options, export in the background, preview, print and open."""
